package io.igpulse.graphapi;

import io.igpulse.graphapi.version.ApiVersion;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the client is built from, parsed once. The base URL is configurable so that the same
 * client talks to the real hosts or to the simulator on loopback; the version is configuration
 * because Meta retires one every few months.
 *
 * @param baseUrl scheme and host, no trailing slash, e.g. {@code https://graph.facebook.com}
 * @param flavour which login the tokens come from
 * @param version the path prefix version, default {@code v24.0}
 * @param pacingTarget usage fraction (0..1] the client aims to stay under, default 0.75
 * @param requestTimeout whole-request timeout
 * @param connectTimeout TCP connect timeout
 * @param maxAttempts attempts per call for transient failures (1 = no retry)
 * @param backoffBase first retry delay before jitter
 * @param backoffMax cap of the retry delay
 * @param pageSize {@code limit} of list calls (the API caps lists at 50..100)
 * @param appSecret when present, every call carries {@code appsecret_proof}; never printed
 */
public record GraphApiConfig(
    String baseUrl,
    Flavour flavour,
    ApiVersion version,
    double pacingTarget,
    Duration requestTimeout,
    Duration connectTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    int pageSize,
    Optional<String> appSecret) {

  public GraphApiConfig {
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    if (pacingTarget <= 0 || pacingTarget > 1) {
      throw new IllegalArgumentException("pacingTarget must be in (0, 1]: " + pacingTarget);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("pageSize must be 1..100: " + pageSize);
    }
    appSecret = appSecret == null ? Optional.empty() : appSecret.filter(s -> !s.isBlank());
  }

  public static GraphApiConfig defaults(Flavour flavour) {
    return new GraphApiConfig(
        flavour.defaultBaseUrl(),
        flavour,
        ApiVersion.DEFAULT,
        0.75,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        4,
        Duration.ofMillis(200),
        Duration.ofSeconds(30),
        50,
        Optional.empty());
  }

  /**
   * Defaults overridden by {@code IGPULSE_GRAPH_*} variables: {@code BASE_URL}, {@code FLAVOUR},
   * {@code VERSION}, {@code PACING_TARGET}, {@code TIMEOUT_MS}, {@code CONNECT_TIMEOUT_MS}, {@code
   * MAX_ATTEMPTS}, {@code PAGE_SIZE}, {@code APP_SECRET}.
   */
  public static GraphApiConfig fromEnv(Map<String, String> env) {
    Flavour flavour = Flavour.parse(env.getOrDefault("IGPULSE_GRAPH_FLAVOUR", "facebook"));
    GraphApiConfig d = defaults(flavour);
    return new GraphApiConfig(
        env.getOrDefault("IGPULSE_GRAPH_BASE_URL", d.baseUrl()),
        flavour,
        ApiVersion.parse(env.getOrDefault("IGPULSE_GRAPH_VERSION", d.version().path())),
        Double.parseDouble(env.getOrDefault("IGPULSE_GRAPH_PACING_TARGET", "0.75")),
        millis(env, "IGPULSE_GRAPH_TIMEOUT_MS", d.requestTimeout()),
        millis(env, "IGPULSE_GRAPH_CONNECT_TIMEOUT_MS", d.connectTimeout()),
        Integer.parseInt(env.getOrDefault("IGPULSE_GRAPH_MAX_ATTEMPTS", "4")),
        d.backoffBase(),
        d.backoffMax(),
        Integer.parseInt(env.getOrDefault("IGPULSE_GRAPH_PAGE_SIZE", "50")),
        Optional.ofNullable(env.get("IGPULSE_GRAPH_APP_SECRET")));
  }

  private static Duration millis(Map<String, String> env, String key, Duration fallback) {
    String v = env.get(key);
    return v == null ? fallback : Duration.ofMillis(Long.parseLong(v));
  }

  public GraphApiConfig withBaseUrl(String url) {
    return new GraphApiConfig(
        url,
        flavour,
        version,
        pacingTarget,
        requestTimeout,
        connectTimeout,
        maxAttempts,
        backoffBase,
        backoffMax,
        pageSize,
        appSecret);
  }

  public GraphApiConfig withVersion(ApiVersion v) {
    return new GraphApiConfig(
        baseUrl,
        flavour,
        v,
        pacingTarget,
        requestTimeout,
        connectTimeout,
        maxAttempts,
        backoffBase,
        backoffMax,
        pageSize,
        appSecret);
  }

  public GraphApiConfig withPacingTarget(double target) {
    return new GraphApiConfig(
        baseUrl,
        flavour,
        version,
        target,
        requestTimeout,
        connectTimeout,
        maxAttempts,
        backoffBase,
        backoffMax,
        pageSize,
        appSecret);
  }

  public GraphApiConfig withRetries(int attempts, Duration base, Duration max) {
    return new GraphApiConfig(
        baseUrl,
        flavour,
        version,
        pacingTarget,
        requestTimeout,
        connectTimeout,
        attempts,
        base,
        max,
        pageSize,
        appSecret);
  }

  public GraphApiConfig withTimeouts(Duration request, Duration connect) {
    return new GraphApiConfig(
        baseUrl,
        flavour,
        version,
        pacingTarget,
        request,
        connect,
        maxAttempts,
        backoffBase,
        backoffMax,
        pageSize,
        appSecret);
  }

  public GraphApiConfig withAppSecret(String secret) {
    return new GraphApiConfig(
        baseUrl,
        flavour,
        version,
        pacingTarget,
        requestTimeout,
        connectTimeout,
        maxAttempts,
        backoffBase,
        backoffMax,
        pageSize,
        Optional.ofNullable(secret));
  }

  /** {@code https://host/v24.0}. */
  public String versionedBase() {
    return baseUrl + "/" + version.path();
  }

  @Override
  public String toString() {
    return "GraphApiConfig[baseUrl="
        + baseUrl
        + ", flavour="
        + flavour
        + ", version="
        + version
        + ", pacingTarget="
        + pacingTarget
        + ", requestTimeout="
        + requestTimeout
        + ", connectTimeout="
        + connectTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", backoffBase="
        + backoffBase
        + ", backoffMax="
        + backoffMax
        + ", pageSize="
        + pageSize
        + ", appSecret="
        + (appSecret.isPresent() ? "<redacted>" : "<none>")
        + "]";
  }
}
