package io.igpulse.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON bodies of API v3 answers: version and artifact metadata, lists, problem details. */
final class Bodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  static ObjectNode version(ArtifactVersion v) {
    return JSON.createObjectNode()
        .put("groupId", v.groupId())
        .put("artifactId", v.artifactId())
        .put("version", v.version())
        .put("globalId", v.globalId())
        .put("contentId", v.contentId())
        .put("artifactType", v.artifactType())
        .put("state", "ENABLED")
        .put("owner", "")
        .put("createdOn", v.createdOn().toString());
  }

  static ObjectNode artifact(RegistryState state, String groupId, String artifactId) {
    List<ArtifactVersion> versions = state.versions(groupId, artifactId);
    return JSON.createObjectNode()
        .put("groupId", groupId)
        .put("artifactId", artifactId)
        .put("artifactType", state.artifactType(groupId, artifactId))
        .put("owner", "")
        .put("createdOn", state.artifactCreatedOn(groupId, artifactId).toString())
        .put(
            "modifiedOn",
            versions.isEmpty() ? null : versions.get(versions.size() - 1).createdOn().toString());
  }

  /** {@code {"count": n, "versions": [...]}} with the given page of versions. */
  static ObjectNode versionList(int count, List<ArtifactVersion> page) {
    ObjectNode answer = JSON.createObjectNode().put("count", count);
    ArrayNode items = answer.putArray("versions");
    page.forEach(v -> items.add(version(v)));
    return answer;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  static ObjectNode rule(String ruleType, String config) {
    return JSON.createObjectNode().put("config", config).put("ruleType", ruleType);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Apicurio's problem details; {@code causes} only on rule violations, as the real server. */
  static ObjectNode problem(RegistryProblem problem) {
    ObjectNode body = JSON.createObjectNode();
    if (problem.causes() != null) {
      ArrayNode causes = body.putArray("causes");
      problem
          .causes()
          .forEach(
              c ->
                  causes
                      .addObject()
                      .put("description", c.description())
                      .put("context", c.context()));
    }
    return body.put("detail", problem.detail())
        .put("title", problem.title())
        .put("status", problem.status())
        .put("name", problem.name());
  }
}
