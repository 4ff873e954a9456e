package io.igpulse.registry;

import io.igpulse.registry.RegistryModel.Artifact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * The registry's decisions, with the identity and rule semantics of Apicurio Registry 3.1.7: a
 * contentId names content (the same text under two artifacts shares it), a globalId names one
 * artifact version, versions count "1", "2", ... per artifact, and rules are enforced before a
 * version is added. Each write is turned into {@link Change}s, made durable by the {@link
 * ChangeLog}, then applied to the {@link RegistryModel}. Every method is synchronized because the
 * HTTP server is multi-threaded.
 */
final class RegistryState {

  /** The outcome of a create-or-find: the version and whether it was new. */
  record Registered(ArtifactVersion version, boolean created) {}

  private static final Pattern VERSION_ID = Pattern.compile("[a-zA-Z0-9._\\-+]{1,256}");
  private static final String LATEST_BRANCH = "branch=latest";

  private final RegistryModel model;
  private final ChangeLog log;
  private final RuleBook rules;

  RegistryState() {
    this(new RegistryModel(), ChangeLog.IN_MEMORY);
  }

  RegistryState(RegistryModel model, ChangeLog log) {
    this.model = model;
    this.log = log;
    this.rules = new RuleBook(model, this::apply);
  }

  /**
   * Creates an artifact with {@code content} as its first version, or, when the artifact exists,
   * follows {@code ifExists} (FAIL, CREATE_VERSION, FIND_OR_CREATE_VERSION). Like the real server,
   * the group and global rules judge the content as a new artifact first; a version added to an
   * existing artifact is then judged again with the artifact's rules and its earlier versions.
   */
  synchronized Registered register(
      String groupId,
      String artifactId,
      String artifactType,
      String content,
      String ifExists,
      boolean canonical) {
    if (!"AVRO".equals(artifactType)) {
      throw RegistryProblem.badRequest(
          "This registry serves AVRO artifacts only, not " + artifactType);
    }
    RuleEnforcement.enforce(rules.inForce(groupId, null), artifactId, List.of(), content);
    Optional<Artifact> existing = model.artifact(groupId, artifactId);
    if (existing.isEmpty()) {
      List<Change> changes = new ArrayList<>();
      changes.add(new Change.ArtifactCreated(groupId, artifactId, artifactType, Instant.now()));
      return new Registered(commit(changes, groupId, artifactId, "1", content), true);
    }
    switch (ifExists) {
      case "FAIL" -> throw RegistryProblem.artifactExists(groupId, artifactId);
      case "FIND_OR_CREATE_VERSION" -> {
        Optional<ArtifactVersion> found = newestWithContent(existing.get(), content, canonical);
        if (found.isPresent()) {
          return new Registered(found.get(), false);
        }
      }
      case "CREATE_VERSION" -> {}
      default -> throw RegistryProblem.badRequest("Unknown ifExists: " + ifExists);
    }
    return new Registered(addVersion(groupId, artifactId, content), true);
  }

  /** Adds a version to an existing artifact, judged by the rules in force for it. */
  synchronized ArtifactVersion addVersion(String groupId, String artifactId, String content) {
    Artifact artifact = artifact(groupId, artifactId);
    List<String> previous =
        artifact.versions.stream().map(v -> model.content(v.contentId()).orElseThrow()).toList();
    RuleEnforcement.enforce(rules.inForce(groupId, artifactId), artifactId, previous, content);
    String version = Integer.toString(artifact.versions.size() + 1);
    return commit(new ArrayList<>(), groupId, artifactId, version, content);
  }

  /** Adds the content (if new) and the version to {@code changes}, makes them durable, applies. */
  private ArtifactVersion commit(
      List<Change> changes, String groupId, String artifactId, String version, String content) {
    long contentId = model.contentId(content).orElse(model.nextContentId());
    if (model.content(contentId).isEmpty()) {
      changes.add(new Change.ContentAdded(contentId, content));
    }
    long globalId = model.nextGlobalId();
    changes.add(
        new Change.VersionCreated(
            groupId, artifactId, version, globalId, contentId, Instant.now()));
    apply(changes);
    return model.byGlobalId(globalId).orElseThrow();
  }

  private void apply(List<Change> changes) {
    log.record(changes);
    changes.forEach(model::apply);
  }

  /** The matching version with the highest globalId, as the real server's lookup orders them. */
  private Optional<ArtifactVersion> newestWithContent(
      Artifact artifact, String content, boolean canonical) {
    String wanted = canonical ? canonicalForm(content) : content;
    return artifact.versions.stream()
        .filter(v -> wanted.equals(comparable(v, canonical)))
        .max(Comparator.comparingLong(ArtifactVersion::globalId));
  }

  private String comparable(ArtifactVersion version, boolean canonical) {
    String stored = model.content(version.contentId()).orElseThrow();
    return canonical ? canonicalForm(stored) : stored;
  }

  /** Avro's compact form: whitespace and attribute layout do not make new content. */
  private static String canonicalForm(String content) {
    try {
      return new Schema.Parser().parse(content).toString();
    } catch (RuntimeException e) {
      return content.strip();
    }
  }

  synchronized String content(long contentId) {
    return model.content(contentId).orElseThrow(() -> RegistryProblem.contentNotFound(contentId));
  }

  synchronized ArtifactVersion byGlobalId(long globalId) {
    return model.byGlobalId(globalId).orElseThrow(() -> RegistryProblem.globalIdNotFound(globalId));
  }

  /**
   * A version by expression: a version id ({@code 1}, and also {@code latest}, which the real
   * server takes literally and so never finds) or {@code branch=latest}. Like the real server, an
   * unknown artifact answers VersionNotFoundException, not ArtifactNotFoundException.
   */
  synchronized ArtifactVersion version(String groupId, String artifactId, String expression) {
    List<ArtifactVersion> versions =
        model.artifact(groupId, artifactId).map(a -> a.versions).orElse(List.of());
    if (expression.startsWith("branch=")) {
      String branch = expression.substring("branch=".length());
      if (!LATEST_BRANCH.equals(expression) || versions.isEmpty()) {
        throw RegistryProblem.versionNotFound(
            groupId, artifactId, "<tip of the branch '" + branch + "'>");
      }
      return versions.get(versions.size() - 1);
    }
    if (!VERSION_ID.matcher(expression).matches()) {
      throw RegistryProblem.badRequest("Could not parse version expression '" + expression + "'.");
    }
    return versions.stream()
        .filter(v -> v.version().equals(expression))
        .findFirst()
        .orElseThrow(
            () ->
                RegistryProblem.versionNotFound(
                    "default".equalsIgnoreCase(groupId) ? "null" : groupId,
                    artifactId,
                    expression));
  }

  synchronized List<ArtifactVersion> versions(String groupId, String artifactId) {
    return List.copyOf(artifact(groupId, artifactId).versions);
  }

  synchronized Instant artifactCreatedOn(String groupId, String artifactId) {
    return artifact(groupId, artifactId).createdOn;
  }

  synchronized String artifactType(String groupId, String artifactId) {
    return artifact(groupId, artifactId).type;
  }

  /**
   * Versions whose content matches, newest (highest globalId) first, optionally within one group or
   * artifact.
   */
  synchronized List<ArtifactVersion> search(
      String groupId, String artifactId, String content, boolean canonical) {
    String wanted = canonical ? canonicalForm(content) : content;
    return model.allVersions().stream()
        .filter(v -> groupId == null || v.groupId().equals(groupId))
        .filter(v -> artifactId == null || v.artifactId().equals(artifactId))
        .filter(v -> wanted.equals(comparable(v, canonical)))
        .sorted(Comparator.comparingLong(ArtifactVersion::globalId).reversed())
        .toList();
  }

  private Artifact artifact(String groupId, String artifactId) {
    return model
        .artifact(groupId, artifactId)
        .orElseThrow(() -> RegistryProblem.artifactNotFound(groupId, artifactId));
  }

  // Rules: RuleBook decides, under this object's lock.

  synchronized void addRule(RuleScope scope, String ruleType, String config) {
    rules.add(scope, ruleType, config);
  }

  synchronized void updateRule(RuleScope scope, String ruleType, String config) {
    rules.update(scope, ruleType, config);
  }

  synchronized void deleteRule(RuleScope scope, String ruleType) {
    rules.delete(scope, ruleType);
  }

  synchronized List<String> ruleTypes(RuleScope scope) {
    return rules.types(scope);
  }

  synchronized String ruleConfig(RuleScope scope, String ruleType) {
    return rules.config(scope, ruleType);
  }
}
