package io.igpulse.graphapi.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Graph API call before credentials are added: a path below the version prefix, query
 * parameters, the account whose business-use-case budget it spends (for pacing), and a short
 * endpoint label for metrics and logs. Holds no token, so it is safe to print.
 *
 * @param path e.g. {@code /17841400000000000/media}; or a full token-free next-page URL
 * @param params query parameters (no access_token)
 * @param account the IG user id whose budget the call spends, or null
 * @param endpoint a bounded label such as {@code media_insights}
 */
public record GraphCall(String path, Map<String, String> params, String account, String endpoint) {

  public GraphCall {
    Objects.requireNonNull(path, "path");
    params = Map.copyOf(params);
  }

  public static Builder get(String path, String endpoint) {
    return new Builder(path, endpoint);
  }

  /** Whether {@code path} is a full URL (a next-page link) rather than a path. */
  public boolean isAbsolute() {
    return path.startsWith("http://") || path.startsWith("https://");
  }

  /** Builds calls fluently, keeping parameter order for readable logs. */
  public static final class Builder {
    private final String path;
    private final String endpoint;
    private final Map<String, String> params = new LinkedHashMap<>();
    private String account;

    private Builder(String path, String endpoint) {
      this.path = path;
      this.endpoint = endpoint;
    }

    public Builder param(String name, String value) {
      if (value != null) {
        params.put(name, value);
      }
      return this;
    }

    public Builder param(String name, long value) {
      params.put(name, Long.toString(value));
      return this;
    }

    public Builder account(String igUserId) {
      this.account = igUserId;
      return this;
    }

    public GraphCall build() {
      return new GraphCall(path, params, account, endpoint);
    }
  }
}
