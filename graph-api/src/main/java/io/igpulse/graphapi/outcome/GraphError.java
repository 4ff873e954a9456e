package io.igpulse.graphapi.outcome;

import java.time.Duration;
import java.util.List;

/**
 * Why a call did not give an answer, as a closed set of types a caller can switch over. Each type
 * maps to exactly one reaction (retry, wait, stop the account, drop a metric, skip the snapshot,
 * mark gone), so callers never parse error codes themselves. Messages are already redacted.
 */
public sealed interface GraphError {

  /** A one-line, token-free description for logs. */
  String describe();

  /** Codes 1 and 2, HTTP 5xx, timeouts and connection resets: worth retrying later. */
  record Transient(String reason) implements GraphError {
    @Override
    public String describe() {
      return "transient: " + reason;
    }
  }

  /**
   * Codes 4, 17, 32, 613, 80001 (Pages business use case) and 80002 (Instagram business use case):
   * stop calling for that token or account for {@code wait} (from {@code
   * estimated_time_to_regain_access} when the API gives one).
   */
  record Throttled(int code, Duration retryAfter) implements GraphError {
    @Override
    public String describe() {
      return "throttled: code " + code + ", wait " + retryAfter;
    }
  }

  /**
   * Codes 190 (subcodes 458, 459, 460, 463, 464, 467, ...) and 102: stop the account and alert;
   * never retry.
   */
  record AuthFailed(int code, Integer subcode, String reason) implements GraphError {
    @Override
    public String describe() {
      return "auth failed: code " + code + (subcode == null ? "" : "/" + subcode) + ": " + reason;
    }
  }

  /**
   * Code 100 refusing a metric, in any of Meta's wordings: drop the refused metric and retry the
   * rest. The refused metric is named ({@code metric}), or given by its position in the request's
   * metric list ({@code index}, from "metric[i] must be one of ..."), in which case {@code allowed}
   * lists what the API accepts (empty when the message did not list it in full).
   *
   * @param metric the refused name, or null when only {@code index} is known
   * @param index the refused position in the request's metric list, or -1
   * @param allowed the metrics the API says it accepts, or empty
   */
  record UnsupportedMetric(String metric, int index, List<String> allowed) implements GraphError {

    public UnsupportedMetric {
      allowed = List.copyOf(allowed);
    }

    /** A refusal that names the metric. */
    public UnsupportedMetric(String metric) {
      this(metric, -1, List.of());
    }

    @Override
    public String describe() {
      return "unsupported metric: "
          + (metric != null ? metric : "metric[" + index + "]")
          + (allowed.isEmpty() ? "" : ", allowed " + allowed);
    }
  }

  /**
   * Codes 200 (permission missing) and 368 (blocked for a policy breach): the account, not this
   * call, is refused; pause the account and surface why instead of retrying call by call.
   */
  record AccountBlocked(int code, Integer subcode, String reason) implements GraphError {
    @Override
    public String describe() {
      return "account blocked: code "
          + code
          + (subcode == null ? "" : "/" + subcode)
          + ": "
          + reason;
    }
  }

  /**
   * Code 10 on a story seen by fewer than 5 accounts: skip this snapshot. Not a failure of the
   * service: the media simply has no insights to show yet.
   */
  record NotEnoughViewers(String reason) implements GraphError {
    @Override
    public String describe() {
      return "not enough viewers: " + reason;
    }
  }

  /** Code 100 / 2108006, media posted before the business conversion: skip it for good. */
  record Skip(int subcode, String reason) implements GraphError {
    @Override
    public String describe() {
      return "skip (" + subcode + "): " + reason;
    }
  }

  /** Code 100 / 33 seen twice: the object no longer exists (or is not reachable). */
  record Gone(String reason) implements GraphError {
    @Override
    public String describe() {
      return "gone: " + reason;
    }
  }

  /** A body that is not the JSON the API promises (truncated, HTML, ...). */
  record Malformed(String reason) implements GraphError {
    @Override
    public String describe() {
      return "malformed response: " + reason;
    }
  }

  /** Any other error answer (a bad parameter, a missing permission): permanent for this call. */
  record Rejected(int code, Integer subcode, String reason) implements GraphError {
    @Override
    public String describe() {
      return "rejected: code " + code + (subcode == null ? "" : "/" + subcode) + ": " + reason;
    }
  }
}
