package io.igpulse.registry;

import java.time.Instant;

/**
 * One durable change to the registry. The state is nothing but these changes applied in order: live
 * writes journal them before applying them, and a restart replays them, so ids and timestamps come
 * back exactly as they were handed out.
 */
sealed interface Change {

  /** New content got its contentId. */
  record ContentAdded(long contentId, String content) implements Change {}

  /** An artifact was created (its first version follows as its own change). */
  record ArtifactCreated(String groupId, String artifactId, String artifactType, Instant createdOn)
      implements Change {}

  /** A version of an artifact got its globalId and points at existing content. */
  record VersionCreated(
      String groupId,
      String artifactId,
      String version,
      long globalId,
      long contentId,
      Instant createdOn)
      implements Change {}

  /** A rule was added or its config changed. */
  record RuleSet(RuleScope scope, String ruleType, String config) implements Change {}

  /** A rule was removed. */
  record RuleDeleted(RuleScope scope, String ruleType) implements Change {}
}
