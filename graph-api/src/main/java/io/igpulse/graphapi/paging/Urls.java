package io.igpulse.graphapi.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * URL surgery for next-page links: they are kept without secrets, re-based onto the configured host
 * (so a token is never sent to a host the configuration did not name), and their {@code fields} can
 * be rewritten when a metric is dropped mid-listing.
 */
public final class Urls {

  private Urls() {}

  /** {@code https://other.host/v24.0/x?y} on {@code base} → {@code base/v24.0/x?y}. */
  public static String rebase(String url, String base) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int path = url.indexOf('/', scheme + 3);
    return base + (path < 0 ? "/" : url.substring(path));
  }

  /** Replaces (or adds) one query parameter. */
  public static String withParam(String url, String name, String value) {
    int q = url.indexOf('?');
    String head = q < 0 ? url : url.substring(0, q);
    StringBuilder sb = new StringBuilder(head);
    char sep = '?';
    boolean replaced = false;
    if (q >= 0) {
      for (String part : url.substring(q + 1).split("&")) {
        if (part.isEmpty()) {
          continue;
        }
        String key = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          part = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
          replaced = true;
        }
        sb.append(sep).append(part);
        sep = '&';
      }
    }
    if (!replaced) {
      sb.append(sep)
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /** The decoded value of a query parameter, or null. */
  public static String param(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String part : url.substring(q + 1).split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
