package io.igpulse.registry;

import java.time.Instant;

/** One artifact version, as the metadata answers describe it. */
record ArtifactVersion(
    String groupId,
    String artifactId,
    String version,
    long globalId,
    long contentId,
    String artifactType,
    Instant createdOn) {}
