package io.igpulse.testkit.registry.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaParseException;

/**
 * Apicurio's COMPATIBILITY rule levels, decided with Avro's own reader/writer checker: BACKWARD
 * means the new schema reads data written with the latest one, FORWARD the other way round, FULL
 * both; _TRANSITIVE against every version.
 */
enum CompatibilityRule {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  static CompatibilityRule parse(String config) {
    try {
      return valueOf(config.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryProblem.badRequest("Unknown COMPATIBILITY level: " + config);
    }
  }

  /**
   * Causes that forbid {@code candidate} after {@code existing} (oldest first); empty when allowed.
   *
   * @throws RegistryProblem 409 when a schema is not valid Avro
   */
  List<RegistryProblem.Cause> violations(String candidate, List<String> existing) {
    if (this == NONE || existing.isEmpty()) {
      return List.of();
    }
    Schema next = parse(candidate, "new");
    List<String> against =
        name().endsWith("_TRANSITIVE")
            ? existing
            : existing.subList(existing.size() - 1, existing.size());
    List<RegistryProblem.Cause> causes = new ArrayList<>();
    for (String text : against) {
      Schema previous = parse(text, "existing");
      if (this != FORWARD && this != FORWARD_TRANSITIVE) {
        causes.addAll(check(next, previous));
      }
      if (this != BACKWARD && this != BACKWARD_TRANSITIVE) {
        causes.addAll(check(previous, next));
      }
    }
    return causes;
  }

  private static List<RegistryProblem.Cause> check(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
        .getResult()
        .getIncompatibilities()
        .stream()
        .map(CompatibilityRule::cause)
        .toList();
  }

  private static RegistryProblem.Cause cause(Incompatibility incompatibility) {
    return new RegistryProblem.Cause(
        incompatibility.getMessage() + " (" + incompatibility.getType() + ")",
        incompatibility.getLocation());
  }

  static Schema parse(String text, String which) {
    try {
      return new Schema.Parser().setValidateDefaults(true).parse(text);
    } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
      throw RegistryProblem.ruleViolation(
          "Syntax or semantic violation for Avro artifact ("
              + which
              + " content): "
              + e.getMessage(),
          List.of(new RegistryProblem.Cause(e.getMessage(), "")));
    }
  }
}
