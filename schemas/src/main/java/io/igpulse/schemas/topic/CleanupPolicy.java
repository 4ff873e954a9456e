package io.igpulse.schemas.topic;

/** Kafka's {@code cleanup.policy} for a topic of the catalog. */
public enum CleanupPolicy {
  /** Keep the latest value per key: state-like topics (accounts, discovered media, trends). */
  COMPACT("compact"),
  /** Keep everything until retention: event logs (snapshots, dead letters). */
  DELETE("delete");

  private final String configValue;

  CleanupPolicy(String configValue) {
    this.configValue = configValue;
  }

  /** The value Kafka expects for {@code cleanup.policy}. */
  public String configValue() {
    return configValue;
  }
}
