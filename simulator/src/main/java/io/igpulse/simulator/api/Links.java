package io.igpulse.simulator.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds {@code paging.next} / {@code previous} URLs the way the real API does: absolute, on the
 * same version and path, carrying every original parameter (the token included) with the cursor
 * replaced.
 */
public final class Links {

  private final String baseUrl;

  public Links(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String page(Call call, String cursorName, String cursor) {
    StringBuilder url =
        new StringBuilder(baseUrl).append('/').append(call.version()).append(call.request().path());
    char sep = '?';
    for (Map.Entry<String, String> param : call.request().params().entrySet()) {
      String key = param.getKey();
      if (key.equals("after") || key.equals("before")) {
        continue;
      }
      url.append(sep).append(encode(key)).append('=').append(encode(param.getValue()));
      sep = '&';
    }
    url.append(sep).append(cursorName).append('=').append(encode(cursor));
    return url.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
