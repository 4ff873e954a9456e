package io.igpulse.graphapi.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.pacing.Usage;
import io.igpulse.graphapi.token.TokenRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one error answer of the Graph API into a {@link GraphError}. Pure: status, parsed body and
 * usage in, a typed error out. The error table it implements is the one in GRAPH-API.md; wording of
 * messages is matched only where the code alone is ambiguous (100 and 10).
 */
public final class ErrorClassifier {

  private static final Pattern UNSUPPORTED_METRIC =
      Pattern.compile("does not support the (\\S+) metric", Pattern.CASE_INSENSITIVE);
  private static final Pattern NO_LONGER_SUPPORTED =
      Pattern.compile("the (\\S+) metric is no longer supported", Pattern.CASE_INSENSITIVE);
  private static final Pattern MUST_BE_ONE_OF =
      Pattern.compile(
          "metric\\[(\\d+)\\] must be one of the following values: (.*)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private final TokenRedactor redactor;
  private final Duration defaultThrottleWait;

  /**
   * @param defaultThrottleWait how long to stop when a throttle carries no estimated time (the
   *     platform limits of codes 4, 17, 32 and 613 roll over an hour; the default is conservative)
   */
  public ErrorClassifier(TokenRedactor redactor, Duration defaultThrottleWait) {
    this.redactor = redactor;
    this.defaultThrottleWait = defaultThrottleWait;
  }

  /** Classifies an answer whose body did not parse. */
  public GraphError unparseable(int status, String why) {
    if (status >= 500) {
      return new GraphError.Transient("HTTP " + status + " with unreadable body");
    }
    return new GraphError.Malformed(redactor.redact(why));
  }

  /**
   * The error an answer carries, or empty when it is a normal answer. A body with an {@code error}
   * object is an error whatever the status; a 5xx without one is transient.
   */
  public Optional<GraphError> classify(int status, JsonNode body, Usage usage) {
    JsonNode error = body == null ? null : body.get("error");
    if (error == null || !error.isObject()) {
      if (status >= 500) {
        return Optional.of(new GraphError.Transient("HTTP " + status));
      }
      if (status >= 400) {
        return Optional.of(
            new GraphError.Rejected(status, null, "HTTP " + status + " without error"));
      }
      return Optional.empty();
    }
    int code = error.path("code").asInt(-1);
    Integer subcode = error.hasNonNull("error_subcode") ? error.get("error_subcode").asInt() : null;
    String message = redactor.redact(error.path("message").asText(""));
    return Optional.of(byCode(status, code, subcode, message, error, usage));
  }

  private GraphError byCode(
      int status, int code, Integer subcode, String message, JsonNode error, Usage usage) {
    switch (code) {
      case 4, 17, 32, 613, 80001, 80002 -> {
        Duration wait = usage.regainAccess();
        return new GraphError.Throttled(code, wait.isZero() ? defaultThrottleWait : wait);
      }
      case 190, 102 -> {
        return new GraphError.AuthFailed(code, subcode, message);
      }
      case 200, 368 -> {
        return new GraphError.AccountBlocked(code, subcode, message);
      }
      case 1, 2 -> {
        return new GraphError.Transient("code " + code + ": " + message);
      }
      case 10 -> {
        if (message.toLowerCase(Locale.ROOT).contains("viewers")) {
          return new GraphError.NotEnoughViewers(message);
        }
        return new GraphError.Rejected(code, subcode, message);
      }
      case 100 -> {
        if (subcode != null && subcode == 2108006) {
          return new GraphError.Skip(subcode, message);
        }
        if (subcode != null && subcode == 33) {
          return new GraphError.Gone(message);
        }
        return metricRefusal(message)
            .orElseGet(() -> new GraphError.Rejected(code, subcode, message));
      }
      default -> {
        if (error.path("is_transient").asBoolean(false) || status >= 500) {
          return new GraphError.Transient("code " + code + ": " + message);
        }
        return new GraphError.Rejected(code, subcode, message);
      }
    }
  }

  /**
   * The refused metric in any of the three wordings Meta used in 2025–2026, or empty when the
   * message names none (the caller then finds the culprit itself).
   */
  static Optional<GraphError> metricRefusal(String message) {
    Matcher named = UNSUPPORTED_METRIC.matcher(message);
    if (named.find()) {
      return Optional.of(new GraphError.UnsupportedMetric(trimName(named.group(1))));
    }
    Matcher gone = NO_LONGER_SUPPORTED.matcher(message);
    if (gone.find()) {
      return Optional.of(new GraphError.UnsupportedMetric(trimName(gone.group(1))));
    }
    Matcher indexed = MUST_BE_ONE_OF.matcher(message);
    if (indexed.find()) {
      int index;
      try {
        index = Integer.parseInt(indexed.group(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      return Optional.of(new GraphError.UnsupportedMetric(null, index, allowed(indexed.group(2))));
    }
    return Optional.empty();
  }

  /**
   * The allowed names of a "must be one of" message; empty when the list is cut short ("…"), since
   * a partial list must not make the client drop metrics the API still accepts.
   */
  private static List<String> allowed(String list) {
    String text = list.strip();
    if (text.endsWith(".") && !text.endsWith("...")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.contains("…") || text.contains("...")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String name = part.strip();
      if (!name.isEmpty()) {
        if (!name.matches("[a-z0-9_]+")) {
          return List.of();
        }
        out.add(name);
      }
    }
    return out;
  }

  private static String trimName(String name) {
    return name.replaceAll("[^a-zA-Z0-9_]", "");
  }
}
