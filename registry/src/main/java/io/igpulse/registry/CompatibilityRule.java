package io.igpulse.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

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

  /** The level a stored config names, if any (the registry stores whatever config it is given). */
  static Optional<CompatibilityRule> level(String config) {
    for (CompatibilityRule level : values()) {
      if (level.name().equals(config)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /**
   * Causes that forbid {@code candidate} after {@code existing} (oldest first); empty when allowed.
   *
   * @throws RegistryProblem 422 when the candidate or an existing schema is not valid Avro
   */
  List<RegistryProblem.Cause> violations(String candidate, List<String> existing) {
    if (this == NONE || existing.isEmpty()) {
      return List.of();
    }
    Schema next = parse(candidate);
    List<String> against =
        name().endsWith("_TRANSITIVE")
            ? existing
            : existing.subList(existing.size() - 1, existing.size());
    Set<RegistryProblem.Cause> causes = new LinkedHashSet<>();
    for (String text : against) {
      Schema previous = parse(text);
      if (this != FORWARD && this != FORWARD_TRANSITIVE) {
        causes.addAll(check(next, previous));
      }
      if (this != BACKWARD && this != BACKWARD_TRANSITIVE) {
        causes.addAll(check(previous, next));
      }
    }
    return List.copyOf(causes);
  }

  private static List<RegistryProblem.Cause> check(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
        .getResult()
        .getIncompatibilities()
        .stream()
        .map(i -> new RegistryProblem.Cause(i.getMessage(), i.getLocation()))
        .toList();
  }

  /**
   * Parses as the real server's checker does; a schema it cannot read makes the rule unable to run.
   */
  private static Schema parse(String text) {
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw RegistryProblem.unprocessableSchema(
          "Could not execute compatibility rule on invalid Avro schema", rootMessage(e));
    }
  }

  /** {@code SimpleName: message} of the deepest cause, the form of the real server's detail. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + ": "
        + (root.getMessage() == null ? "" : root.getMessage());
  }
}
