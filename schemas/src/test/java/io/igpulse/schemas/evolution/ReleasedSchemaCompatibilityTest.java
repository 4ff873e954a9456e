package io.igpulse.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Guards schema evolution: the current contract must read everything written with any released one.
 * To release, copy {@code src/main/avro} to {@code released/<version>} (see schemas/README.md).
 */
class ReleasedSchemaCompatibilityTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path RELEASED = Path.of("released");

  @TestFactory
  Stream<DynamicTest> currentSchemasReadEveryReleasedVersion() throws IOException {
    Map<String, Schema> current = SchemaFiles.parseAll(CURRENT);
    List<Path> releases;
    try (Stream<Path> dirs = Files.list(RELEASED)) {
      releases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(releases).as("at least one released contract is kept in the repo").isNotEmpty();
    return releases.stream()
        .map(
            release ->
                DynamicTest.dynamicTest(
                    "BACKWARD-compatible with " + release.getFileName(),
                    () ->
                        assertThat(
                                BackwardCompatibility.problems(
                                    current, SchemaFiles.parseAll(release)))
                            .isEmpty()));
  }

  @Test
  void shouldRejectANewFieldWithoutDefault() {
    Schema released = record("{\"name\":\"a\",\"type\":\"string\"}");
    Schema changed =
        record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"long\"}");

    List<String> problems = BackwardCompatibility.problems(changed, released);

    assertThat(problems)
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT")
        .contains("/fields/1");
  }

  @Test
  void shouldRejectANarrowedType() {
    Schema released = record("{\"name\":\"a\",\"type\":\"long\"}");
    Schema changed = record("{\"name\":\"a\",\"type\":\"int\"}");

    assertThat(BackwardCompatibility.problems(changed, released))
        .singleElement()
        .asString()
        .contains("TYPE_MISMATCH");
  }

  @Test
  void shouldAcceptANewFieldWithDefault() {
    Schema released = record("{\"name\":\"a\",\"type\":\"string\"}");
    Schema changed =
        record(
            "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"long\"],\"default\":null}");

    assertThat(BackwardCompatibility.problems(changed, released)).isEmpty();
  }

  @Test
  void shouldAcceptARemovedEnumSymbolBecauseEnumsHaveADefault() {
    Schema released = enumRecord("[\"A\",\"B\",\"UNKNOWN\"]");
    Schema changed = enumRecord("[\"A\",\"UNKNOWN\"]");

    assertThat(BackwardCompatibility.problems(changed, released)).isEmpty();
  }

  @Test
  void shouldReportARemovedRecord() {
    Schema released = record("{\"name\":\"a\",\"type\":\"string\"}");

    assertThat(BackwardCompatibility.problems(Map.of(), Map.of(released.getFullName(), released)))
        .singleElement()
        .asString()
        .contains("removed");
  }

  private static Schema record(String fields) {
    return new Schema.Parser()
        .parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }

  private static Schema enumRecord(String symbols) {
    return new Schema.Parser()
        .parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"e\",\"type\":{\"type\":\"enum\","
                + "\"name\":\"E\",\"symbols\":"
                + symbols
                + ",\"default\":\"UNKNOWN\"}}]}");
  }
}
