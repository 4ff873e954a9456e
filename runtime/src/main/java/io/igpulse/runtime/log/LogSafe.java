package io.igpulse.runtime.log;

/**
 * Makes text that came from outside (an account's label, a hashtag, an id from a record) safe to
 * put in a log line: a newline in a label would otherwise forge a log line of its own, and a
 * terminal control sequence or a bidirectional override would rewrite what an operator reads. Line
 * breaks, tabs and every other control or format character are written as escapes ({@code \n},
 * {@code \u202e}), and the text is cut to {@link #MAX_LENGTH} characters.
 */
public final class LogSafe {

  /** Longest text kept; a label or a hashtag list is far shorter. */
  public static final int MAX_LENGTH = 300;

  private LogSafe() {}

  /** The text of {@code value} ({@code String.valueOf}), escaped and cut. */
  public static String text(Object value) {
    String raw = String.valueOf(value);
    StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH) + 8);
    for (int i = 0; i < raw.length(); i++) {
      if (out.length() >= MAX_LENGTH) {
        return out.append("…(").append(raw.length()).append(" chars)").toString();
      }
      char c = raw.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          int type = Character.getType(c);
          if (type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
