package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.outcome.Backoff;
import io.igpulse.graphapi.outcome.ErrorClassifier;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.pacing.Pacer;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.pacing.Usage;
import io.igpulse.graphapi.pacing.UsageHeaders;
import io.igpulse.graphapi.paging.Urls;
import io.igpulse.graphapi.request.GraphCall;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.AppSecretProof;
import io.igpulse.graphapi.token.TokenRedactor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that speaks HTTP. Adds credentials (a {@code Bearer} header, never a URL
 * parameter, plus {@code appsecret_proof}), waits as the {@link Pacer} says, sends with one shared
 * {@link WebClient}, feeds the usage headers back to the pacer, classifies errors, and retries
 * transient failures with jittered backoff (and an object-does-not-exist answer once). Everything
 * is asynchronous: waits are timers, never a blocked event loop.
 */
public final class GraphTransport implements AutoCloseable {

  static final Duration APP_WINDOW = Duration.ofHours(1);
  static final Duration BUSINESS_WINDOW = Duration.ofHours(24);
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GraphApiConfig config;
  private final WebClient web;
  private final PacingClock clock;
  private final Pacer pacer;
  private final ErrorClassifier classifier;
  private final Backoff backoff;
  private final TokenRedactor redactor;
  private final GraphMetrics metrics;

  public GraphTransport(
      Vertx vertx,
      GraphApiConfig config,
      PacingClock clock,
      Pacer pacer,
      ErrorClassifier classifier,
      Backoff backoff,
      TokenRedactor redactor,
      GraphMetrics metrics) {
    this.config = config;
    this.clock = clock;
    this.pacer = pacer;
    this.classifier = classifier;
    this.backoff = backoff;
    this.redactor = redactor;
    this.metrics = metrics;
    this.web =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setUserAgent("igpulse-graph-api"));
    config.appSecret().ifPresent(redactor::register);
  }

  public Future<GraphResult<JsonNode>> get(AccessToken token, GraphCall call) {
    return attempt(token, call, null, pacingKeys(token, call), 1, false);
  }

  /** A form POST (used for batches). */
  public Future<GraphResult<JsonNode>> post(
      AccessToken token, GraphCall call, Map<String, String> form) {
    return attempt(token, call, form, pacingKeys(token, call), 1, false);
  }

  /**
   * A batch whose items may answer with other tokens, for other accounts: those tokens are known to
   * the redactor before anything is sent, and the request waits as long as the most loaded of every
   * token and account it touches requires.
   */
  public Future<GraphResult<JsonNode>> postBatch(
      AccessToken token,
      GraphCall call,
      Map<String, String> form,
      Collection<AccessToken> itemTokens,
      Collection<String> itemAccounts) {
    Set<String> keys = new LinkedHashSet<>(pacingKeys(token, call));
    for (AccessToken item : itemTokens) {
      redactor.register(item.value());
      keys.add(tokenKey(item));
    }
    itemAccounts.forEach(account -> keys.add(accountKey(account)));
    return attempt(token, call, form, List.copyOf(keys), 1, false);
  }

  private Future<GraphResult<JsonNode>> attempt(
      AccessToken token,
      GraphCall call,
      Map<String, String> form,
      List<String> keys,
      int attempt,
      boolean goneRetried) {
    redactor.register(token.value());
    Duration wait = pacer.delayBefore(keys, clock.now());
    if (!wait.isZero()) {
      LOG.debug("pacing {}: waiting {} before the call", call.endpoint(), wait);
    }
    return clock
        .sleep(wait)
        .compose(v -> send(token, call, form, keys))
        .compose(
            result -> {
              GraphError error = result.error();
              if (error instanceof GraphError.Transient t && attempt < config.maxAttempts()) {
                Duration delay = backoff.delay(attempt);
                LOG.debug(
                    "{} failed ({}), retry {} in {}", call.endpoint(), t.reason(), attempt, delay);
                metrics.retry(call.endpoint());
                return clock
                    .sleep(delay)
                    .compose(v -> attempt(token, call, form, keys, attempt + 1, goneRetried));
              }
              if (error instanceof GraphError.Gone && !goneRetried) {
                // Code 100/33 is also seen under load for objects that exist: one more try.
                metrics.retry(call.endpoint());
                return clock
                    .sleep(backoff.delay(1))
                    .compose(v -> attempt(token, call, form, keys, attempt, true));
              }
              if (error instanceof GraphError.AuthFailed a) {
                LOG.warn(
                    "{} refused the token {}: {}",
                    call.endpoint(),
                    token.fingerprint(),
                    a.describe());
              }
              return Future.succeededFuture(result);
            });
  }

  private Future<GraphResult<JsonNode>> send(
      AccessToken token, GraphCall call, Map<String, String> form, List<String> keys) {
    String url = url(call);
    HttpRequest<Buffer> request =
        (form == null ? web.getAbs(withProof(url, token)) : web.postAbs(url))
            .as(new CappedBody(CappedBody.MAX_BYTES));
    request
        .timeout(config.requestTimeout().toMillis())
        .putHeader("Authorization", "Bearer " + token.value());
    pacer.recordCall(keys, clock.now());
    Future<HttpResponse<Buffer>> sent;
    if (form == null) {
      sent = request.send();
    } else {
      MultiMap body = MultiMap.caseInsensitiveMultiMap();
      form.forEach(body::add);
      config
          .appSecret()
          .ifPresent(s -> body.add("appsecret_proof", AppSecretProof.of(token.value(), s)));
      sent = request.sendForm(body);
    }
    return sent.map(response -> answer(token, call, response))
        .recover(
            failure -> {
              // An enormous body would be as enormous on a retry: refused for good.
              GraphError error =
                  tooLarge(failure) != null
                      ? new GraphError.Malformed(tooLarge(failure).getMessage())
                      : new GraphError.Transient(
                          failure.getClass().getSimpleName()
                              + ": "
                              + redactor.redact(String.valueOf(failure.getMessage())));
              metrics.request(call.endpoint(), error);
              return Future.succeededFuture(GraphResult.failed(error));
            });
  }

  private GraphResult<JsonNode> answer(
      AccessToken token, GraphCall call, HttpResponse<Buffer> response) {
    Usage usage =
        UsageHeaders.parse(
            response.getHeader(UsageHeaders.APP), response.getHeader(UsageHeaders.BUSINESS));
    observe(token, call, usage);
    JsonNode body;
    try {
      Buffer buffer = response.body();
      body = JSON.readTree(buffer == null ? "" : buffer.toString(StandardCharsets.UTF_8));
      if (body == null || body.isMissingNode()) {
        throw new IllegalArgumentException("empty body");
      }
    } catch (Exception e) {
      GraphError error =
          classifier.unparseable(
              response.statusCode(), "HTTP " + response.statusCode() + ", body not JSON");
      metrics.request(call.endpoint(), error);
      return GraphResult.failed(error);
    }
    GraphError error = classifier.classify(response.statusCode(), body, usage).orElse(null);
    metrics.request(call.endpoint(), error);
    if (error == null) {
      return GraphResult.ok(body);
    }
    if (error instanceof GraphError.Throttled t) {
      String key =
          isBusinessUseCase(t.code()) && call.account() != null
              ? accountKey(call.account())
              : tokenKey(token);
      Duration window = isBusinessUseCase(t.code()) ? BUSINESS_WINDOW : APP_WINDOW;
      pacer.throttled(key, window, t.retryAfter(), clock.now());
      LOG.warn(
          "{} throttled (code {}): pausing {} for {}",
          call.endpoint(),
          t.code(),
          key,
          t.retryAfter());
    }
    return GraphResult.failed(error);
  }

  private static CappedBody.TooLargeException tooLarge(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  /** 80002 (Instagram) and 80001 (Pages, for Page and system-user tokens): the account's quota. */
  static boolean isBusinessUseCase(int code) {
    return code == 80001 || code == 80002;
  }

  /** Feeds one response's usage headers (also those of batch items) to the pacer. */
  void observe(AccessToken token, GraphCall call, Usage usage) {
    usage.app().ifPresent(app -> observeKey(tokenKey(token), app, APP_WINDOW));
    if (call.account() != null) {
      usage
          .maxBusiness()
          .ifPresent(b -> observeKey(accountKey(call.account()), b, BUSINESS_WINDOW));
    }
  }

  private void observeKey(String key, double fraction, Duration window) {
    pacer.observe(key, fraction, window, clock.now());
    metrics.usageGauges(pacer, clock);
  }

  List<String> pacingKeys(AccessToken token, GraphCall call) {
    List<String> keys = new ArrayList<>(2);
    keys.add(tokenKey(token));
    if (call.account() != null) {
      keys.add(accountKey(call.account()));
    }
    return keys;
  }

  static String tokenKey(AccessToken token) {
    return "token:" + token.fingerprint();
  }

  static String accountKey(String account) {
    return "account:" + account;
  }

  /** The request URL: token-free; {@code appsecret_proof} added for GETs when configured. */
  private String url(GraphCall call) {
    String url;
    if (call.isAbsolute()) {
      url = Urls.rebase(call.path(), config.baseUrl());
    } else {
      StringBuilder sb = new StringBuilder(config.versionedBase()).append(call.path());
      char sep = call.path().contains("?") ? '&' : '?';
      for (Map.Entry<String, String> e : call.params().entrySet()) {
        sb.append(sep)
            .append(e.getKey())
            .append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = '&';
      }
      url = sb.toString();
    }
    return url;
  }

  /** GET URL with proof: built per call because the proof depends on the token. */
  String withProof(String url, AccessToken token) {
    return config
        .appSecret()
        .map(s -> Urls.withParam(url, "appsecret_proof", AppSecretProof.of(token.value(), s)))
        .orElse(url);
  }

  public PacingClock clock() {
    return clock;
  }

  public Pacer pacer() {
    return pacer;
  }

  public GraphApiConfig config() {
    return config;
  }

  @Override
  public void close() {
    web.close();
  }
}
