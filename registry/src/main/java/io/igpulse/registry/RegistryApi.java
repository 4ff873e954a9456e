package io.igpulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Routes API v3 requests, by method and path template, to the {@link RegistryState} and renders the
 * answers. Only the calls in the module README are served; anything else is a clear 404.
 */
final class RegistryApi {

  private final RegistryState state;

  RegistryApi(RegistryState state) {
    this.state = state;
  }

  Answer answer(Request r) {
    return switch (r.route()) {
      case "POST /groups/{groupId}/artifacts" -> createArtifact(r);
      case "GET /groups/{groupId}/artifacts/{artifactId}" ->
          Answer.ok(Bodies.artifact(state, r.segment(1), r.segment(3)));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions" -> {
        List<ArtifactVersion> versions = state.versions(r.segment(1), r.segment(3));
        yield Answer.ok(Bodies.versionList(versions.size(), versions));
      }
      case "POST /groups/{groupId}/artifacts/{artifactId}/versions" -> createVersion(r);
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}" ->
          Answer.ok(Bodies.version(version(r)));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}/content" ->
          Answer.raw(state.content(version(r).contentId()));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}/references" -> {
        version(r);
        yield Answer.ok(Bodies.strings(List.of()));
      }
      case "GET /ids/contentIds/{contentId}" -> Answer.raw(state.content(r.id(2)));
      case "GET /ids/contentIds/{contentId}/references" -> {
        state.content(r.id(2));
        yield Answer.ok(Bodies.strings(List.of()));
      }
      case "GET /ids/globalIds/{globalId}" ->
          Answer.raw(state.content(state.byGlobalId(r.id(2)).contentId()));
      case "GET /ids/globalIds/{globalId}/references" -> {
        state.byGlobalId(r.id(2));
        yield Answer.ok(Bodies.strings(List.of()));
      }
      case "POST /search/versions" -> search(r);
      case "GET /groups/{groupId}/artifacts/{artifactId}/rules",
          "POST /groups/{groupId}/artifacts/{artifactId}/rules",
          "GET /groups/{groupId}/artifacts/{artifactId}/rules/{ruleType}",
          "PUT /groups/{groupId}/artifacts/{artifactId}/rules/{ruleType}",
          "DELETE /groups/{groupId}/artifacts/{artifactId}/rules/{ruleType}" ->
          rules(r, RuleScope.artifact(r.segment(1), r.segment(3)), 5);
      case "GET /groups/{groupId}/rules",
          "POST /groups/{groupId}/rules",
          "GET /groups/{groupId}/rules/{ruleType}",
          "PUT /groups/{groupId}/rules/{ruleType}",
          "DELETE /groups/{groupId}/rules/{ruleType}" ->
          rules(r, RuleScope.group(r.segment(1)), 3);
      case "GET /admin/rules",
          "POST /admin/rules",
          "GET /admin/rules/{ruleType}",
          "PUT /admin/rules/{ruleType}",
          "DELETE /admin/rules/{ruleType}" ->
          rules(r, RuleScope.GLOBAL, 2);
      case "GET /system/info" ->
          Answer.ok(
              Bodies.object()
                  .put("name", "igpulse embedded registry")
                  .put(
                      "description",
                      "the part of Apicurio Registry's REST API v3 that the Avro serdes use")
                  .put("version", "3.1.7-compatible"));
      default -> throw RegistryProblem.notServed(r.method(), r.template());
    };
  }

  private ArtifactVersion version(Request r) {
    return state.version(r.segment(1), r.segment(3), r.segment(5));
  }

  private Answer createArtifact(Request r) {
    JsonNode body = r.json();
    String groupId = r.segment(1);
    String artifactId = requiredText(body, "artifactId");
    JsonNode content = body.path("firstVersion").path("content");
    RegistryState.Registered registered =
        state.register(
            groupId,
            artifactId,
            body.path("artifactType").asText("AVRO"),
            schemaText(content, "firstVersion.content.content"),
            r.queryParameter("ifExists", "FAIL"),
            r.flag("canonical"));
    ObjectNode answer = Bodies.object();
    answer.set("artifact", Bodies.artifact(state, groupId, artifactId));
    answer.set("version", Bodies.version(registered.version()));
    return Answer.ok(answer);
  }

  private Answer createVersion(Request r) {
    JsonNode content = r.json().path("content");
    String schema = schemaText(content, "content.content");
    return Answer.ok(Bodies.version(state.addVersion(r.segment(1), r.segment(3), schema)));
  }

  /**
   * The schema text of a version body. igpulse's serdes dereference schemas, so nothing of ours
   * sends references; storing them without resolving them would answer wrongly later, so they are
   * refused plainly.
   */
  private static String schemaText(JsonNode content, String field) {
    JsonNode references = content.path("references");
    if (references.isArray() && !references.isEmpty()) {
      throw RegistryProblem.badRequest(
          "This registry does not serve artifact references;"
              + " set apicurio.registry.dereference-schema=true");
    }
    JsonNode text = content.get("content");
    if (text == null || !text.isTextual() || text.asText().isEmpty()) {
      throw RegistryProblem.badRequest(field + " is required");
    }
    return text.asText();
  }

  private Answer search(Request r) {
    List<ArtifactVersion> found =
        state.search(
            r.query().get("groupId"), r.query().get("artifactId"), r.text(), r.flag("canonical"));
    List<ArtifactVersion> page =
        found.stream().skip(r.number("offset", 0)).limit(r.number("limit", 20)).toList();
    return Answer.ok(Bodies.versionList(found.size(), page));
  }

  /** The five rule calls of one scope; {@code typeAt} is where the rule type sits in the path. */
  private Answer rules(Request r, RuleScope scope, int typeAt) {
    boolean one = r.segments().length > typeAt;
    switch (r.method()) {
      case "GET" -> {
        return one
            ? Answer.ok(Bodies.rule(r.segment(typeAt), state.ruleConfig(scope, r.segment(typeAt))))
            : Answer.ok(Bodies.strings(state.ruleTypes(scope)));
      }
      case "POST" -> {
        JsonNode body = r.json();
        state.addRule(scope, requiredText(body, "ruleType"), requiredText(body, "config"));
        return Answer.noContent();
      }
      case "PUT" -> {
        String config = requiredText(r.json(), "config");
        state.updateRule(scope, r.segment(typeAt), config);
        return Answer.ok(Bodies.rule(r.segment(typeAt), config));
      }
      default -> {
        state.deleteRule(scope, r.segment(typeAt));
        return Answer.noContent();
      }
    }
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw RegistryProblem.badRequest("Missing required parameter: " + field);
    }
    return value.asText();
  }
}
