package io.igpulse.simulator.api;

/** A Graph API version from the path ({@code v24.0}); rules that changed are decided by it. */
public record ApiVersion(int major) implements Comparable<ApiVersion> {

  public static final ApiVersion V18 = new ApiVersion(18);
  public static final ApiVersion V21 = new ApiVersion(21);
  public static final ApiVersion V22 = new ApiVersion(22);
  public static final ApiVersion V24 = new ApiVersion(24);
  public static final ApiVersion V25 = new ApiVersion(25);
  public static final ApiVersion V26 = new ApiVersion(26);
  public static final ApiVersion V27 = new ApiVersion(27);

  /** Parses {@code v24.0} (also {@code v24}); null when the text is not a version. */
  public static ApiVersion parse(String segment) {
    if (segment == null || segment.length() < 2 || segment.charAt(0) != 'v') {
      return null;
    }
    int end = segment.endsWith(".0") ? segment.length() - 2 : segment.length();
    if (end < 2 || end > 4) {
      return null;
    }
    int major = 0;
    for (int i = 1; i < end; i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      major = major * 10 + (c - '0');
    }
    return new ApiVersion(major);
  }

  public boolean atMost(ApiVersion other) {
    return major <= other.major;
  }

  public boolean atLeast(ApiVersion other) {
    return major >= other.major;
  }

  @Override
  public int compareTo(ApiVersion other) {
    return Integer.compare(major, other.major);
  }

  @Override
  public String toString() {
    return "v" + major + ".0";
  }
}
