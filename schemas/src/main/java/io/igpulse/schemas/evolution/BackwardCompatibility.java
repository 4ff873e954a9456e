package io.igpulse.schemas.evolution;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * BACKWARD compatibility as the registry means it: a consumer built with the new schema must read
 * everything written with an older one. Decided by Avro's own checker, so this repo and the
 * registry agree.
 */
public final class BackwardCompatibility {

  private BackwardCompatibility() {}

  /**
   * What prevents {@code candidate} from reading data written with {@code previous}; empty when
   * compatible.
   */
  public static List<String> problems(Schema candidate, Schema previous) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return result.getResult().getIncompatibilities().stream()
        .map(BackwardCompatibility::describe)
        .toList();
  }

  /**
   * Checks every released record against the current one of the same full name. A released record
   * that no longer exists is a problem too: its readers would lose their schema.
   */
  public static List<String> problems(Map<String, Schema> current, Map<String, Schema> released) {
    return released.entrySet().stream()
        .filter(e -> e.getValue().getType() == Schema.Type.RECORD)
        .flatMap(
            e -> {
              Schema now = current.get(e.getKey());
              if (now == null) {
                return Stream.of(e.getKey() + ": removed (released records must stay)");
              }
              return problems(now, e.getValue()).stream().map(p -> e.getKey() + ": " + p);
            })
        .toList();
  }

  private static String describe(Incompatibility incompatibility) {
    return incompatibility.getType()
        + " at "
        + incompatibility.getLocation()
        + " ("
        + incompatibility.getMessage()
        + ")";
  }
}
