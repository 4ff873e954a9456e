package io.igpulse.graphapi.version;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph API version such as {@code v24.0}. Ordered, because metric availability is decided by
 * "from version X on" rules, and versions are the path prefix of every call.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  public static final ApiVersion DEFAULT = new ApiVersion(24, 0);

  /** The newest version Meta has released (2026-11-04). */
  public static final ApiVersion LATEST = new ApiVersion(27, 0);

  /**
   * The last day each old version is served; a call to a version past its day is served as the
   * oldest live one (Platform Versioning). v20 expired on 2026-09-24, v21 lives until 2027-01-21.
   */
  private static final NavigableMap<Integer, LocalDate> SERVED_UNTIL =
      new TreeMap<>(
          Map.of(
              20, LocalDate.parse("2026-09-24"),
              21, LocalDate.parse("2027-01-21")));

  private static final Pattern SHAPE = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?");

  public static ApiVersion parse(String text) {
    Matcher m = SHAPE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an API version: " + text);
    }
    return new ApiVersion(
        Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }

  /**
   * The version the API really serves a call to this one with on {@code day}: itself while it
   * lives, else the oldest live version (so the metric rules of that one apply).
   */
  public ApiVersion servedOn(LocalDate day) {
    int served = major;
    while (served < LATEST.major) {
      // Versions before the first listed one expired no later than it.
      LocalDate until = SERVED_UNTIL.get(Math.max(served, SERVED_UNTIL.firstKey()));
      if (until == null || !day.isAfter(until)) {
        break;
      }
      served++;
    }
    return served == major ? this : new ApiVersion(served, 0);
  }

  /** True for v27 and later: apps created then may not use multi-id reads, aliases, async batch. */
  public boolean restrictsNewApps() {
    return major >= 27;
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
