package io.igpulse.simulator.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging cursors: a position (a media id or an offset) in URL-safe base64. */
public final class Cursors {

  private Cursors() {}

  public static String encode(String prefix, long position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((prefix + position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position, or -1 when the cursor is malformed or of another kind. */
  public static long decode(String prefix, String cursor) {
    if (cursor == null) {
      return -1;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(prefix)) {
        return -1;
      }
      return Long.parseLong(text.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
