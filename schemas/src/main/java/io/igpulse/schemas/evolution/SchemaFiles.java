package io.igpulse.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Reads a folder of {@code .avsc} files (one named type per file, referring to each other by full
 * name) into schemas by full name, whatever order the files come in.
 */
public final class SchemaFiles {

  private SchemaFiles() {}

  /** Every named type defined under {@code dir} (recursively), by full name. */
  public static Map<String, Schema> parseAll(Path dir) {
    List<String> pending = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
        pending.add(Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schemas under " + dir, e);
    }
    return parseInDependencyOrder(pending, dir.toString());
  }

  /**
   * Parses schema texts that may refer to each other: each round parses, with everything already
   * known, what it can; a round that adds nothing means a reference that no file defines.
   */
  static Map<String, Schema> parseInDependencyOrder(List<String> texts, String origin) {
    List<String> ordered = new ArrayList<>();
    List<String> pending = new ArrayList<>(texts);
    while (!pending.isEmpty()) {
      List<String> stillPending = new ArrayList<>();
      AvroRuntimeException last = null;
      for (String text : pending) {
        try {
          parser(ordered).parse(text);
          ordered.add(text);
        } catch (AvroRuntimeException e) {
          stillPending.add(text);
          last = e;
        }
      }
      if (stillPending.size() == pending.size()) {
        throw new IllegalStateException(
            "schemas under "
                + origin
                + " do not parse (undefined or invalid type): "
                + last.getMessage(),
            last);
      }
      pending = stillPending;
    }
    Map<String, Schema> byName = new LinkedHashMap<>();
    Schema.Parser parser = new Schema.Parser();
    for (String text : ordered) {
      Schema schema = parser.parse(text);
      byName.put(schema.getFullName(), schema);
    }
    return byName;
  }

  private static Schema.Parser parser(List<String> known) {
    Schema.Parser parser = new Schema.Parser();
    known.forEach(parser::parse);
    return parser;
  }
}
