package io.igpulse.registry;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Decides whether new content may become a version, given the rules in force (artifact rule, else
 * group rule, else global rule, per type). VALIDITY runs before COMPATIBILITY. Pure: no state, no
 * I/O.
 */
final class RuleEnforcement {

  static final String VALIDITY = "VALIDITY";
  static final String COMPATIBILITY = "COMPATIBILITY";
  static final String INTEGRITY = "INTEGRITY";

  private static final List<String> VALIDITY_LEVELS = List.of("NONE", "SYNTAX_ONLY", "FULL");

  private RuleEnforcement() {}

  /**
   * Refuses {@code candidate} when a rule forbids it.
   *
   * @param rules rule type to config, already resolved across artifact, group and global scope
   * @param existing the artifact's contents, oldest first (empty when creating the artifact)
   * @throws RegistryProblem 409 for a violation, 422 when compatibility cannot be decided because a
   *     schema is not valid Avro
   */
  static void enforce(
      Map<String, String> rules, String artifactId, List<String> existing, String candidate) {
    String validity = rules.get(VALIDITY);
    if (validity != null) {
      checkValidity(validity, candidate);
    }
    String compatibility = rules.get(COMPATIBILITY);
    if (compatibility != null) {
      checkCompatibility(compatibility, artifactId, existing, candidate);
    }
    // INTEGRITY concerns references, which this registry refuses outright.
  }

  private static void checkValidity(String config, String candidate) {
    if (!VALIDITY_LEVELS.contains(config)) {
      throw unusableConfig(VALIDITY, config, VALIDITY_LEVELS);
    }
    if ("NONE".equals(config)) {
      return;
    }
    try {
      new Schema.Parser().parse(candidate);
    } catch (RuntimeException e) {
      throw RegistryProblem.ruleViolation("Syntax violation for Avro artifact.", List.of());
    }
  }

  private static void checkCompatibility(
      String config, String artifactId, List<String> existing, String candidate) {
    CompatibilityRule level =
        CompatibilityRule.level(config)
            .orElseThrow(
                () ->
                    unusableConfig(
                        COMPATIBILITY,
                        config,
                        List.of(CompatibilityRule.values()).stream().map(Enum::name).toList()));
    List<RegistryProblem.Cause> causes = level.violations(candidate, existing);
    if (!causes.isEmpty()) {
      throw RegistryProblem.ruleViolation(incompatibleTitle(artifactId, causes), causes);
    }
  }

  /** The real server's wording, so that logs read the same whichever registry answered. */
  private static String incompatibleTitle(String artifactId, List<RegistryProblem.Cause> causes) {
    List<String> readable =
        causes.stream().map(c -> c.description() + " at " + c.context()).toList();
    return "Incompatible artifact: "
        + artifactId
        + " [AVRO], num of incompatible diffs: {"
        + causes.size()
        + "}, list of diff types: "
        + readable;
  }

  /**
   * Rules are stored with any config, as the real server stores them; one that names no level
   * cannot be applied. Apicurio then fails with a 500; this registry says which rule is wrong.
   */
  private static RegistryProblem unusableConfig(
      String ruleType, String config, List<String> known) {
    return RegistryProblem.ruleViolation(
        "The "
            + ruleType
            + " rule in force has config '"
            + config
            + "', which is not one of "
            + known
            + "; correct the rule before registering content",
        List.of(new RegistryProblem.Cause("unknown " + ruleType + " config '" + config + "'", "")));
  }
}
