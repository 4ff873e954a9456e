package io.igpulse.graphapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph API version such as {@code v24.0}. Ordered, because metric availability is decided by
 * "from version X on" rules, and versions are the path prefix of every call.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  public static final ApiVersion DEFAULT = new ApiVersion(24, 0);
  private static final Pattern SHAPE = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?");

  public static ApiVersion parse(String text) {
    Matcher m = SHAPE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an API version: " + text);
    }
    return new ApiVersion(
        Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }

  public boolean atLeast(int otherMajor) {
    return major >= otherMajor;
  }

  /** The path prefix, {@code v24.0}. */
  public String path() {
    return "v" + major + "." + minor;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return path();
  }
}
