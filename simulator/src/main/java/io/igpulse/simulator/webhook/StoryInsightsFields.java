package io.igpulse.simulator.webhook;

/**
 * Which fields a {@code story_insights} webhook carries. GRAPH-API.md: "post-2025 field list
 * unconfirmed", so both are offered; LEGACY matches the fixture.
 */
public enum StoryInsightsFields {
  /** impressions, reach, taps_forward, taps_back, exits, replies. */
  LEGACY,
  /** views, reach, replies, shares, total_interactions, navigation. */
  CURRENT
}
