package io.igpulse.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.schemas.topic.Codec;
import io.igpulse.schemas.topic.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The house rules of the contract, checked on every .avsc so that nobody has to remember them. */
class ContractConventionsTest {

  private static final Map<String, Schema> CONTRACT =
      SchemaFiles.parseAll(Path.of("src/main/avro"));

  @Test
  void everyTypeAndFieldIsDocumented() {
    List<String> undocumented = new ArrayList<>();
    for (Schema schema : CONTRACT.values()) {
      if (blank(schema.getDoc())) {
        undocumented.add(schema.getFullName());
      }
      if (schema.getType() == Schema.Type.RECORD) {
        schema.getFields().stream()
            .filter(f -> blank(f.doc()))
            .forEach(f -> undocumented.add(schema.getFullName() + "." + f.name()));
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void everyEnumHasADefaultSymbolSoNewValuesDoNotBreakOldReaders() {
    assertThat(CONTRACT.values())
        .filteredOn(s -> s.getType() == Schema.Type.ENUM)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getEnumDefault()).as(e.getFullName()).isEqualTo("UNKNOWN"));
  }

  @Test
  void everyInstantFieldIsTimestampMillis() {
    List<String> wrong = new ArrayList<>();
    for (Schema schema : CONTRACT.values()) {
      if (schema.getType() != Schema.Type.RECORD) {
        continue;
      }
      for (Schema.Field field : schema.getFields()) {
        boolean instantName = field.name().endsWith("_at") || field.name().startsWith("window_");
        if (instantName && !isTimestampMillis(field.schema())) {
          wrong.add(schema.getName() + "." + field.name());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyAvroTopicValueIsAContractRecordAndItsGeneratedClassMatchesTheFile() {
    assertThat(Topics.avroTopics()).hasSize(11);
    for (var topic : Topics.avroTopics()) {
      Schema generated = SpecificData.get().getSchema(((Codec.Avro<?>) topic.value()).type());
      Schema file = CONTRACT.get(generated.getFullName());
      assertThat(file).as(topic.name()).isNotNull();
      // Canonical form: the generated copy carries extra Java properties (avro.java.string) but the
      // same shape.
      assertThat(SchemaNormalization.parsingFingerprint64(generated))
          .as(topic.name())
          .isEqualTo(SchemaNormalization.parsingFingerprint64(file));
    }
  }

  private static boolean isTimestampMillis(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream().anyMatch(ContractConventionsTest::isTimestampMillis);
    }
    return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
