package io.igpulse.testkit.registry.standin;

import java.util.List;

/**
 * An error the stand-in answers as Apicurio's JSON problem details. The serdes choose the exception
 * they raise by HTTP status and {@code name}, so both follow the real server.
 */
final class RegistryProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One cause of a rule violation: what is wrong and where in the schema. */
  record Cause(String description, String context) {}

  private final int status;
  private final String name;
  private final String title;
  private final String detail;
  private final List<Cause> causes;

  RegistryProblem(int status, String name, String title, String detail, List<Cause> causes) {
    super(title);
    this.status = status;
    this.name = name;
    this.title = title;
    this.detail = detail;
    this.causes = List.copyOf(causes);
  }

  static RegistryProblem contentNotFound(long contentId) {
    String title = "No content with ID '" + contentId + "' was found.";
    return new RegistryProblem(
        404, "ContentNotFoundException", title, "ContentNotFoundException: " + title, List.of());
  }

  static RegistryProblem globalIdNotFound(long globalId) {
    String title = "No version with global ID '" + globalId + "' found.";
    return new RegistryProblem(
        404, "VersionNotFoundException", title, "VersionNotFoundException: " + title, List.of());
  }

  static RegistryProblem versionNotFound(String group, String artifactId, String version) {
    String title =
        "No version '"
            + version
            + "' found for artifact with ID '"
            + artifactId
            + "' in group '"
            + group
            + "'.";
    return new RegistryProblem(
        404, "VersionNotFoundException", title, "VersionNotFoundException: " + title, List.of());
  }

  static RegistryProblem artifactNotFound(String group, String artifactId) {
    String title = "No artifact with ID '" + artifactId + "' in group '" + group + "' was found.";
    return new RegistryProblem(
        404, "ArtifactNotFoundException", title, "ArtifactNotFoundException: " + title, List.of());
  }

  static RegistryProblem artifactExists(String group, String artifactId) {
    String title =
        "An artifact with ID '" + artifactId + "' in group '" + group + "' already exists.";
    return new RegistryProblem(409, "ArtifactAlreadyExistsException", title, title, List.of());
  }

  static RegistryProblem ruleNotFound(String ruleType) {
    String title = "No rule named '" + ruleType + "' was found.";
    return new RegistryProblem(404, "RuleNotFoundException", title, title, List.of());
  }

  static RegistryProblem ruleExists(String ruleType) {
    String title = "A rule named '" + ruleType + "' already exists.";
    return new RegistryProblem(409, "RuleAlreadyExistsException", title, title, List.of());
  }

  static RegistryProblem ruleViolation(String title, List<Cause> causes) {
    return new RegistryProblem(409, "RuleViolationException", title, title, causes);
  }

  static RegistryProblem badRequest(String title) {
    return new RegistryProblem(400, "BadRequestException", title, title, List.of());
  }

  static RegistryProblem notFound(String method, String path) {
    String title = "The stand-in does not serve " + method + " " + path;
    return new RegistryProblem(404, "NotFoundException", title, title, List.of());
  }

  int status() {
    return status;
  }

  String name() {
    return name;
  }

  String title() {
    return title;
  }

  String detail() {
    return detail;
  }

  List<Cause> causes() {
    return causes;
  }
}
