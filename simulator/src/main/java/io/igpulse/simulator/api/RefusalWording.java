package io.igpulse.simulator.api;

/**
 * How a refused media metric is worded. Meta used at least three wordings in 2025–2026
 * (GRAPH-API.md "Media insights"); which one a call gets is not documented, so it is a switch.
 */
public enum RefusalWording {
  /**
   * {@code (#100) The Media Insights API does not support the X metric for this media product
   * type.}
   */
  NAMED,
  /** {@code (#100) metric[i] must be one of the following values: a, b, c} */
  INDEXED,
  /** {@code (#100) Starting from version 22 and above, the X metric is no longer supported. ...} */
  NO_LONGER_SUPPORTED,
  /** {@code (#100) Invalid parameter}: names no metric (a wording a client cannot parse). */
  UNNAMED,
  /**
   * By version and metric (the default): v25 and later answer {@link #INDEXED}; a metric retired in
   * v22 answers {@link #NO_LONGER_SUPPORTED} on earlier versions; anything else {@link #NAMED}.
   */
  BY_VERSION;

  /** The wording a refusal of {@code metric} gets on {@code version}. */
  public RefusalWording on(ApiVersion version, String metric) {
    if (this != BY_VERSION) {
      return this;
    }
    if (version.atLeast(ApiVersion.V25)) {
      return INDEXED;
    }
    return MediaMetricRules.RETIRED_IN_V22.contains(metric) ? NO_LONGER_SUPPORTED : NAMED;
  }
}
