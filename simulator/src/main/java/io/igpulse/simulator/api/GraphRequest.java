package io.igpulse.simulator.api;

import java.util.Map;

/**
 * One Graph API call, independent of how it arrived (HTTP or a batch item).
 *
 * @param path the path after the version prefix, starting with '/'
 * @param version the version the path named, or null when it named none
 * @param params query and form parameters
 * @param bearer the token of an {@code Authorization: Bearer} header, or null
 */
public record GraphRequest(
    String method, String path, ApiVersion version, Map<String, String> params, String bearer) {

  public String param(String name) {
    return params.get(name);
  }

  /** The access token from the parameter, else from the header; null when there is none. */
  public String token() {
    String token = params.get("access_token");
    return token != null && !token.isEmpty() ? token : bearer;
  }
}
