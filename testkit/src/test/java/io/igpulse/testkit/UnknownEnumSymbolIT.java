package io.igpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.schemas.serde.ApicurioSerdes;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * A producer built with a newer contract writes enum values this reader has never heard of; the
 * reader must get UNKNOWN (the enums' default symbol), not an exception. Writer and reader meet
 * only through the registry.
 */
@WithRegistry
class UnknownEnumSymbolIT {

  @Test
  void shouldReadEnumSymbolsAddedLaterAsUnknown(SchemaRegistry registry) {
    String topic = "enum-evolution-" + UUID.randomUUID();
    Schema newer =
        new Schema.Parser()
            .parse(
                MediaDiscovered.getClassSchema()
                    .toString()
                    .replace("\"HASHTAG_RECENT\",", "\"HASHTAG_RECENT\",\"COLLAB\",")
                    .replace("\"REELS\",", "\"REELS\",\"THREADS_CROSSPOST\","));
    GenericRecord written = newerRecord(newer);

    byte[] bytes;
    try (AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
      serializer.configure(ApicurioSerdes.config(registry.config()), false);
      bytes = serializer.serialize(topic, written);
    }
    MediaDiscovered read;
    try (Deserializer<MediaDiscovered> deserializer =
        Topics.MEDIA_DISCOVERED.valueSerde(registry.config()).deserializer()) {
      read = deserializer.deserialize(topic, bytes);
    }

    assertThat(read.getSource()).isEqualTo(DiscoverySource.UNKNOWN);
    assertThat(read.getMediaProductType()).isEqualTo(MediaProductType.UNKNOWN);
    assertThat(read.getMediaType()).isEqualTo(MediaType.IMAGE);
    assertThat(read.getMediaId()).isEqualTo("m-1");
  }

  private static GenericRecord newerRecord(Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put("media_id", "m-1");
    record.put("owner_id", "17841400000000001");
    record.put("followed_account_id", "17841400000000001");
    record.put(
        "media_type", new GenericData.EnumSymbol(schema.getField("media_type").schema(), "IMAGE"));
    record.put(
        "media_product_type",
        new GenericData.EnumSymbol(
            schema.getField("media_product_type").schema(), "THREADS_CROSSPOST"));
    record.put("posted_at", 1_764_000_000_000L);
    record.put("permalink", null);
    record.put("caption_hashtags", List.of("sourdough"));
    record.put("source", new GenericData.EnumSymbol(schema.getField("source").schema(), "COLLAB"));
    record.put("hashtag", null);
    record.put("expires_at", null);
    record.put("discovered_at", 1_764_000_360_000L);
    return record;
  }
}
