package io.igpulse.testkit.registry.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stand-in registry stores, with the identity rules of the real server: a contentId names
 * content (the same text under two artifacts shares it), a globalId names one artifact version,
 * versions count "1", "2", ... per artifact. Pure state, no I/O; every method is synchronized
 * because the HTTP server is multi-threaded.
 */
final class RegistryState {

  /** One artifact version, as the metadata answers describe it. */
  record Version(
      String groupId,
      String artifactId,
      String version,
      long globalId,
      long contentId,
      String artifactType,
      Instant createdOn) {}

  /** The outcome of a create-or-find: the version and whether it was new. */
  record Registered(Version version, boolean created) {}

  private record ArtifactKey(String groupId, String artifactId) {}

  private static final class Artifact {
    final String type;
    final Instant createdOn;
    final List<Version> versions = new ArrayList<>();
    final Map<String, String> rules = new LinkedHashMap<>();

    Artifact(String type, Instant createdOn) {
      this.type = type;
      this.createdOn = createdOn;
    }
  }

  private final Map<Long, String> contentById = new HashMap<>();
  private final Map<String, Long> contentIdByText = new HashMap<>();
  private final Map<Long, Version> versionByGlobalId = new HashMap<>();
  private final Map<ArtifactKey, Artifact> artifacts = new LinkedHashMap<>();
  private final Map<String, String> globalRules = new LinkedHashMap<>();
  private long nextContentId = 1;
  private long nextGlobalId = 1;

  /**
   * Registers {@code content} under an artifact, following {@code ifExists} (FAIL, CREATE_VERSION,
   * FIND_OR_CREATE_VERSION) when the artifact exists. A new version must pass the artifact's rules,
   * else the global ones.
   */
  synchronized Registered register(
      String groupId,
      String artifactId,
      String artifactType,
      String content,
      String ifExists,
      boolean canonical) {
    ArtifactKey key = new ArtifactKey(groupId, artifactId);
    Artifact artifact = artifacts.get(key);
    if (artifact == null) {
      artifact = new Artifact(artifactType, Instant.now());
      artifacts.put(key, artifact);
      return new Registered(addVersion(key, artifact, content), true);
    }
    switch (ifExists) {
      case "FAIL" -> throw RegistryProblem.artifactExists(groupId, artifactId);
      case "FIND_OR_CREATE_VERSION" -> {
        Optional<Version> existing = findByContent(artifact, content, canonical);
        if (existing.isPresent()) {
          return new Registered(existing.get(), false);
        }
      }
      case "CREATE_VERSION" -> {}
      default -> throw RegistryProblem.badRequest("Unknown ifExists: " + ifExists);
    }
    enforceRules(artifact, content);
    return new Registered(addVersion(key, artifact, content), true);
  }

  private void enforceRules(Artifact artifact, String content) {
    String level = artifact.rules.getOrDefault("COMPATIBILITY", globalRules.get("COMPATIBILITY"));
    String validity = artifact.rules.getOrDefault("VALIDITY", globalRules.get("VALIDITY"));
    if (validity != null && !"NONE".equals(validity)) {
      CompatibilityRule.parse(content, "new");
    }
    if (level == null) {
      return;
    }
    List<String> previous =
        artifact.versions.stream().map(v -> contentById.get(v.contentId())).toList();
    List<RegistryProblem.Cause> causes =
        CompatibilityRule.parse(level).violations(content, previous);
    if (!causes.isEmpty()) {
      throw RegistryProblem.ruleViolation(
          "Incompatible artifact: " + "the new schema breaks " + level + " compatibility", causes);
    }
  }

  private Version addVersion(ArtifactKey key, Artifact artifact, String content) {
    long contentId = contentIdByText.computeIfAbsent(content, text -> nextContentId++);
    contentById.putIfAbsent(contentId, content);
    Version version =
        new Version(
            key.groupId(),
            key.artifactId(),
            Integer.toString(artifact.versions.size() + 1),
            nextGlobalId++,
            contentId,
            artifact.type,
            Instant.now());
    artifact.versions.add(version);
    versionByGlobalId.put(version.globalId(), version);
    return version;
  }

  private Optional<Version> findByContent(Artifact artifact, String content, boolean canonical) {
    String wanted = canonical ? canonicalForm(content) : content;
    return artifact.versions.stream()
        .filter(
            v -> {
              String stored = contentById.get(v.contentId());
              return wanted.equals(canonical ? canonicalForm(stored) : stored);
            })
        .findFirst();
  }

  /** Avro's compact form: whitespace and attribute layout do not make new content. */
  private static String canonicalForm(String content) {
    try {
      return new org.apache.avro.Schema.Parser().parse(content).toString();
    } catch (RuntimeException e) {
      return content.strip();
    }
  }

  synchronized String content(long contentId) {
    String content = contentById.get(contentId);
    if (content == null) {
      throw RegistryProblem.contentNotFound(contentId);
    }
    return content;
  }

  synchronized Version byGlobalId(long globalId) {
    Version version = versionByGlobalId.get(globalId);
    if (version == null) {
      throw RegistryProblem.globalIdNotFound(globalId);
    }
    return version;
  }

  /** A version by expression: a version number, {@code latest} or {@code branch=latest}. */
  synchronized Version version(String groupId, String artifactId, String expression) {
    Artifact artifact = artifact(groupId, artifactId);
    if (artifact.versions.isEmpty()) {
      throw RegistryProblem.versionNotFound(groupId, artifactId, expression);
    }
    if ("latest".equals(expression) || "branch=latest".equals(expression)) {
      return artifact.versions.get(artifact.versions.size() - 1);
    }
    return artifact.versions.stream()
        .filter(v -> v.version().equals(expression))
        .findFirst()
        .orElseThrow(() -> RegistryProblem.versionNotFound(groupId, artifactId, expression));
  }

  synchronized List<Version> versions(String groupId, String artifactId) {
    return List.copyOf(artifact(groupId, artifactId).versions);
  }

  synchronized Instant artifactCreatedOn(String groupId, String artifactId) {
    return artifact(groupId, artifactId).createdOn;
  }

  /**
   * Versions whose content matches, newest (highest globalId) first, optionally within one
   * artifact.
   */
  synchronized List<Version> search(
      String groupId, String artifactId, String content, boolean canonical) {
    String wanted = canonical ? canonicalForm(content) : content;
    return versionByGlobalId.values().stream()
        .filter(v -> groupId == null || v.groupId().equals(groupId))
        .filter(v -> artifactId == null || v.artifactId().equals(artifactId))
        .filter(
            v -> {
              String stored = contentById.get(v.contentId());
              return wanted.equals(canonical ? canonicalForm(stored) : stored);
            })
        .sorted(Comparator.comparingLong(Version::globalId).reversed())
        .toList();
  }

  private Artifact artifact(String groupId, String artifactId) {
    Artifact artifact = artifacts.get(new ArtifactKey(groupId, artifactId));
    if (artifact == null) {
      throw RegistryProblem.artifactNotFound(groupId, artifactId);
    }
    return artifact;
  }

  // Rules: artifact-level (null artifact = global). Real Apicurio: artifact rule, else group rule,
  // else global rule.

  synchronized void addRule(String groupId, String artifactId, String ruleType, String config) {
    validateRule(ruleType, config);
    Map<String, String> rules = rules(groupId, artifactId);
    if (rules.containsKey(ruleType)) {
      throw RegistryProblem.ruleExists(ruleType);
    }
    rules.put(ruleType, config);
  }

  synchronized void updateRule(String groupId, String artifactId, String ruleType, String config) {
    validateRule(ruleType, config);
    Map<String, String> rules = rules(groupId, artifactId);
    if (!rules.containsKey(ruleType)) {
      throw RegistryProblem.ruleNotFound(ruleType);
    }
    rules.put(ruleType, config);
  }

  synchronized void deleteRule(String groupId, String artifactId, String ruleType) {
    if (rules(groupId, artifactId).remove(ruleType) == null) {
      throw RegistryProblem.ruleNotFound(ruleType);
    }
  }

  synchronized List<String> ruleTypes(String groupId, String artifactId) {
    return List.copyOf(rules(groupId, artifactId).keySet());
  }

  synchronized String ruleConfig(String groupId, String artifactId, String ruleType) {
    String config = rules(groupId, artifactId).get(ruleType);
    if (config == null) {
      throw RegistryProblem.ruleNotFound(ruleType);
    }
    return config;
  }

  private Map<String, String> rules(String groupId, String artifactId) {
    return artifactId == null ? globalRules : artifact(groupId, artifactId).rules;
  }

  private static void validateRule(String ruleType, String config) {
    if ("COMPATIBILITY".equals(ruleType)) {
      CompatibilityRule.parse(config);
    } else if (!"VALIDITY".equals(ruleType) && !"INTEGRITY".equals(ruleType)) {
      throw RegistryProblem.badRequest("Unknown rule type: " + ruleType);
    }
  }
}
