package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsParserTest {

  @Test
  void shouldParseModifiersAndNestedFields() {
    List<FieldSpec> fields =
        FieldsParser.parse(
            "id,insights.metric(reach,saved),children{id,media_url},mentioned_media.media_id(17){caption}",
            List.of());

    assertThat(fields)
        .extracting(FieldSpec::name)
        .containsExactly("id", "insights", "children", "mentioned_media");
    assertThat(fields.get(1).modifier("metric")).isEqualTo("reach,saved");
    assertThat(fields.get(2).children())
        .extracting(FieldSpec::name)
        .containsExactly("id", "media_url");
    assertThat(fields.get(3).modifier("media_id")).isEqualTo("17");
    assertThat(fields.get(3).children()).extracting(FieldSpec::name).containsExactly("caption");
  }

  @Test
  void shouldFallBackWhenAbsentAndRejectBrokenSyntaxWithCode100() {
    assertThat(FieldsParser.parse(null, FieldsParser.of("id")))
        .extracting(FieldSpec::name)
        .containsExactly("id");
    assertThatThrownBy(() -> FieldsParser.parse("id,children{id", List.of()))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.error().code()).isEqualTo(100));
  }
}
