package io.igpulse.simulator.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds {@code paging.next} / {@code previous} URLs the way the real API does: absolute, on the
 * same version and path, carrying every original parameter (the token included) with the cursor
 * replaced.
 */
public final class Links {

  private final Supplier<String> baseUrl;

  public Links(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String page(Call call, String cursorName, String cursor) {
    Map<String, String> params = new LinkedHashMap<>(call.request().params());
    params.remove("after");
    params.remove("before");
    params.put(cursorName, cursor);
    return url(call, params);
  }

  /** The call's URL with some parameters set to new values (others kept in order). */
  public String with(Call call, Map<String, String> overrides) {
    Map<String, String> params = new LinkedHashMap<>(call.request().params());
    params.keySet().removeAll(overrides.keySet());
    params.putAll(overrides);
    return url(call, params);
  }

  private String url(Call call, Map<String, String> params) {
    StringBuilder url =
        new StringBuilder(baseUrl.get())
            .append('/')
            .append(call.version())
            .append(call.request().path());
    char sep = '?';
    for (Map.Entry<String, String> param : params.entrySet()) {
      url.append(sep).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
      sep = '&';
    }
    return url.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
