package io.igpulse.registry;

import java.util.List;

/**
 * An error answered as Apicurio's JSON problem details ({@code status}, {@code name}, {@code
 * title}, {@code detail}, and {@code causes} for rule violations). The serdes choose the exception
 * they raise by HTTP status, so statuses, names and titles follow what Apicurio Registry 3.1.7
 * answers.
 */
final class RegistryProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One cause of a rule violation: what is wrong and where in the schema. */
  record Cause(String description, String context) {}

  private final int status;
  private final String name;
  private final String title;
  private final String detail;
  private final transient List<Cause> causes;

  private RegistryProblem(
      int status, String name, String title, String detail, List<Cause> causes) {
    super(title);
    this.status = status;
    this.name = name;
    this.title = title;
    this.detail = detail;
    this.causes = causes == null ? null : List.copyOf(causes);
  }

  /** A problem whose detail is, like the real server's, the exception name and its title. */
  private static RegistryProblem of(int status, String name, String title) {
    return new RegistryProblem(status, name, title, name + ": " + title, null);
  }

  static RegistryProblem contentNotFound(long contentId) {
    return of(404, "ContentNotFoundException", "No content with ID '" + contentId + "' was found.");
  }

  static RegistryProblem globalIdNotFound(long globalId) {
    return of(
        404, "VersionNotFoundException", "No version with global ID '" + globalId + "' found.");
  }

  /**
   * No such version. {@code group} is written as the real server writes it, which names the default
   * group {@code null} when a version number (or {@code latest}) is asked for.
   */
  static RegistryProblem versionNotFound(String group, String artifactId, String version) {
    return of(
        404,
        "VersionNotFoundException",
        "No version '"
            + version
            + "' found for artifact with ID '"
            + artifactId
            + "' in group '"
            + group
            + "'.");
  }

  static RegistryProblem artifactNotFound(String group, String artifactId) {
    return of(
        404,
        "ArtifactNotFoundException",
        "No artifact with ID '" + artifactId + "' in group '" + group + "' was found.");
  }

  static RegistryProblem groupNotFound(String group) {
    return of(404, "GroupNotFoundException", "No group '" + group + "' was found.");
  }

  static RegistryProblem artifactExists(String group, String artifactId) {
    return of(
        409,
        "ArtifactAlreadyExistsException",
        "An artifact with ID '" + artifactId + "' in group '" + group + "' already exists.");
  }

  static RegistryProblem ruleNotFound(String ruleType) {
    return of(404, "RuleNotFoundException", "No rule named '" + ruleType + "' was found.");
  }

  static RegistryProblem ruleExists(String ruleType) {
    return of(409, "RuleAlreadyExistsException", "A rule named '" + ruleType + "' already exists.");
  }

  static RegistryProblem notAllowed(String title) {
    return of(409, "NotAllowedException", title);
  }

  /** 409 with causes: a rule refused the content. The detail appends the causes, as Apicurio's. */
  static RegistryProblem ruleViolation(String title, List<Cause> causes) {
    StringBuilder detail = new StringBuilder(title);
    for (int i = 0; i < causes.size(); i++) {
      Cause cause = causes.get(i);
      detail.append(i == 0 ? " Causes: " : ", ").append(cause.description());
      if (cause.context() != null && !cause.context().isBlank()) {
        detail.append(" at ").append(cause.context());
      }
    }
    return new RegistryProblem(409, "RuleViolationException", title, detail.toString(), causes);
  }

  /**
   * 422: a rule could not even run because a schema does not parse; {@code detail} names the
   * parser's own error, as the real server's root-cause message does.
   */
  static RegistryProblem unprocessableSchema(String title, String detail) {
    return new RegistryProblem(422, "UnprocessableSchemaException", title, detail, null);
  }

  static RegistryProblem badRequest(String title) {
    return of(400, "BadRequestException", title);
  }

  static RegistryProblem notServed(String method, String path) {
    return of(404, "NotFoundException", "This registry does not serve " + method + " " + path);
  }

  /** An unexpected failure (e.g. the journal cannot be written); the registry logs the cause. */
  static RegistryProblem serverError(Exception e) {
    return of(500, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
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

  /** The causes of a rule violation; null for problems that are not one (no field in the body). */
  List<Cause> causes() {
    return causes;
  }
}
