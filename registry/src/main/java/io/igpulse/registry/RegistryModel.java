package io.igpulse.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the registry holds, built only by applying {@link Change}s: content by contentId, artifacts
 * with their versions, and rules per scope. It checks that each change fits what is already there
 * (a version names known content, ids only grow), so a journal that does not fit is refused instead
 * of half-loaded. Not thread-safe: {@link RegistryState} serialises access.
 */
final class RegistryModel {

  record ArtifactKey(String groupId, String artifactId) {}

  /** An artifact: its type, creation time, versions oldest first, and its own rules. */
  static final class Artifact {
    final String type;
    final Instant createdOn;
    final List<ArtifactVersion> versions = new ArrayList<>();
    final Map<String, String> rules = new LinkedHashMap<>();

    Artifact(String type, Instant createdOn) {
      this.type = type;
      this.createdOn = createdOn;
    }
  }

  private final Map<Long, String> contentById = new HashMap<>();
  private final Map<String, Long> contentIdByText = new HashMap<>();
  private final Map<Long, ArtifactVersion> versionByGlobalId = new LinkedHashMap<>();
  private final Map<ArtifactKey, Artifact> artifacts = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> groupRules = new HashMap<>();
  private final Map<String, String> globalRules = new LinkedHashMap<>();
  private long lastContentId;
  private long lastGlobalId;

  /**
   * Applies one change.
   *
   * @throws IllegalStateException when the change does not fit the current state
   */
  void apply(Change change) {
    if (change instanceof Change.ContentAdded c) {
      addContent(c);
    } else if (change instanceof Change.ArtifactCreated a) {
      createArtifact(a);
    } else if (change instanceof Change.VersionCreated v) {
      createVersion(v);
    } else if (change instanceof Change.RuleSet r) {
      rulesOf(r.scope()).put(r.ruleType(), r.config());
    } else if (change instanceof Change.RuleDeleted r) {
      if (rulesOf(r.scope()).remove(r.ruleType()) == null) {
        throw new IllegalStateException("rule " + r.ruleType() + " deleted but never set");
      }
    }
  }

  private void addContent(Change.ContentAdded c) {
    if (c.contentId() <= lastContentId) {
      throw new IllegalStateException(
          "contentId " + c.contentId() + " is not above the last one, " + lastContentId);
    }
    Long stored = contentIdByText.get(c.content());
    if (stored != null) {
      throw new IllegalStateException(
          "contentId " + c.contentId() + " repeats the content of contentId " + stored);
    }
    contentById.put(c.contentId(), c.content());
    contentIdByText.put(c.content(), c.contentId());
    lastContentId = c.contentId();
  }

  private void createArtifact(Change.ArtifactCreated a) {
    ArtifactKey key = new ArtifactKey(a.groupId(), a.artifactId());
    if (artifacts.putIfAbsent(key, new Artifact(a.artifactType(), a.createdOn())) != null) {
      throw new IllegalStateException("artifact " + key + " created twice");
    }
  }

  private void createVersion(Change.VersionCreated v) {
    Artifact artifact = artifacts.get(new ArtifactKey(v.groupId(), v.artifactId()));
    if (artifact == null) {
      throw new IllegalStateException("version of unknown artifact " + v.artifactId());
    }
    if (!contentById.containsKey(v.contentId())) {
      throw new IllegalStateException("version names unknown contentId " + v.contentId());
    }
    if (v.globalId() <= lastGlobalId) {
      throw new IllegalStateException(
          "globalId " + v.globalId() + " is not above the last one, " + lastGlobalId);
    }
    ArtifactVersion version =
        new ArtifactVersion(
            v.groupId(),
            v.artifactId(),
            v.version(),
            v.globalId(),
            v.contentId(),
            artifact.type,
            v.createdOn());
    artifact.versions.add(version);
    versionByGlobalId.put(version.globalId(), version);
    lastGlobalId = v.globalId();
  }

  /** The rules of a scope, created empty for a group or the globe; an artifact must exist. */
  Map<String, String> rulesOf(RuleScope scope) {
    if (scope.isGlobal()) {
      return globalRules;
    }
    if (scope.isGroup()) {
      return groupRules.computeIfAbsent(scope.groupId(), g -> new LinkedHashMap<>());
    }
    Artifact artifact = artifacts.get(new ArtifactKey(scope.groupId(), scope.artifactId()));
    if (artifact == null) {
      throw new IllegalStateException("rule on unknown artifact " + scope.artifactId());
    }
    return artifact.rules;
  }

  /** Rules of a scope without creating anything; empty when there are none. */
  Map<String, String> existingRules(RuleScope scope) {
    if (scope.isGlobal()) {
      return globalRules;
    }
    if (scope.isGroup()) {
      return groupRules.getOrDefault(scope.groupId(), Map.of());
    }
    Artifact artifact = artifact(scope.groupId(), scope.artifactId()).orElse(null);
    return artifact == null ? Map.of() : artifact.rules;
  }

  Optional<Artifact> artifact(String groupId, String artifactId) {
    return Optional.ofNullable(artifacts.get(new ArtifactKey(groupId, artifactId)));
  }

  /** A group exists once an artifact was created in it, as on the real server. */
  boolean groupExists(String groupId) {
    return artifacts.keySet().stream().anyMatch(k -> k.groupId().equals(groupId));
  }

  Optional<String> content(long contentId) {
    return Optional.ofNullable(contentById.get(contentId));
  }

  Optional<Long> contentId(String content) {
    return Optional.ofNullable(contentIdByText.get(content));
  }

  Optional<ArtifactVersion> byGlobalId(long globalId) {
    return Optional.ofNullable(versionByGlobalId.get(globalId));
  }

  List<ArtifactVersion> allVersions() {
    return List.copyOf(versionByGlobalId.values());
  }

  long nextContentId() {
    return lastContentId + 1;
  }

  long nextGlobalId() {
    return lastGlobalId + 1;
  }
}
