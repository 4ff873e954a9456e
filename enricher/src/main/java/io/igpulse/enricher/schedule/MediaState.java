package io.igpulse.enricher.schedule;

/** Where a media stands on the schedule. Only ACTIVE media are ever fetched again. */
public enum MediaState {
  /** On the schedule. */
  ACTIVE,
  /** Past its last due time (too old, or the story expired). */
  DONE,
  /** The API says it no longer exists (100/33 twice). */
  GONE,
  /** Posted before the account's business conversion (2108006): never has insights. */
  SKIP,
  /** A permanent refusal other than the above (permission, bad parameter). */
  REJECTED
}
