package io.igpulse.aggregator.topology.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The packed set keeps each string once, unions exactly, and refuses damaged bytes. */
class PackedStringsTest {

  @Test
  void shouldKeepEachStringOnceAndUnionExactly() {
    PackedStrings first =
        PackedStrings.of(List.of("m-1", "m-2", "m-1", "é-long-" + "x".repeat(200)));
    assertThat(first.size()).isEqualTo(3);
    assertThat(first.add("m-2")).isFalse();
    assertThat(first.add("m-22")).isTrue();
    assertThat(first.values()).containsExactly("m-1", "m-2", "é-long-" + "x".repeat(200), "m-22");

    PackedStrings second = PackedStrings.of(List.of("m-2", "m-3"));
    PackedStrings union = PackedStrings.union(List.of(first, second));
    assertThat(union.values())
        .containsExactlyInAnyOrder("m-1", "m-2", "m-22", "m-3", "é-long-" + "x".repeat(200));
    // The union is a new set: the parts are unchanged.
    assertThat(second.size()).isEqualTo(2);

    PackedStrings restored = PackedStrings.fromPacked(first.packed(), first.size());
    assertThat(restored.values()).isEqualTo(first.values());
    assertThat(restored.add("m-1")).isFalse();
  }

  @Test
  void shouldRefuseBytesThatAreNotTheCountedEntries() {
    byte[] packed = PackedStrings.of(List.of("m-1", "m-2")).packed();
    assertThatThrownBy(() -> PackedStrings.fromPacked(packed, 3))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> PackedStrings.fromPacked(packed, 1))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> PackedStrings.fromPacked(Arrays.copyOf(packed, 5), 2))
        .isInstanceOf(SerializationException.class);
    byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1};
    assertThatThrownBy(() -> PackedStrings.fromPacked(huge, 1))
        .isInstanceOf(SerializationException.class);
  }
}
