package io.igpulse.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: reads an exchange into a {@link Request}, records its shape in the call log, lets
 * the {@link RegistryApi} answer, and writes the answer or the problem details. A failure that is
 * not a {@link RegistryProblem} (a journal that cannot be written) is logged and answered 500.
 */
final class RegistryHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHandler.class);

  private final RegistryApi api;
  private final List<String> calls = new ArrayList<>();

  RegistryHandler(RegistryApi api) {
    this.api = api;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    try (exchange) {
      Answer answer;
      try {
        answer = answer(exchange, method, path);
      } catch (RegistryProblem problem) {
        answer = Answer.json(problem.status(), Bodies.problem(problem));
      } catch (RuntimeException e) {
        LOG.error("registry failed on {} {}", method, path, e);
        answer = Answer.json(500, Bodies.problem(RegistryProblem.serverError(e)));
      }
      send(exchange, answer);
    }
  }

  private Answer answer(HttpExchange exchange, String method, String path) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (path.startsWith("/health/")) {
      return Answer.ok(Bodies.object().put("status", "UP"));
    }
    String prefix = EmbeddedRegistry.API_PREFIX + "/";
    if (!path.startsWith(prefix)) {
      throw RegistryProblem.notServed(method, path);
    }
    Request request =
        Request.of(
            method, path.substring(prefix.length()), exchange.getRequestURI().getRawQuery(), body);
    synchronized (calls) {
      calls.add(request.shape());
    }
    LOG.debug("registry: {} {}", request.route(), request.query());
    return api.answer(request);
  }

  List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", Answer.CONTENT_TYPE);
    if (answer.body().length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(answer.status(), answer.body().length);
    exchange.getResponseBody().write(answer.body());
  }
}
