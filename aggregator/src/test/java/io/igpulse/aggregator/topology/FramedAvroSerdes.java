package io.igpulse.aggregator.topology;

import io.igpulse.runtime.streams.TopicSerdes;
import io.igpulse.schemas.serde.CheckedDeserializer;
import io.igpulse.schemas.topic.Codec;
import io.igpulse.schemas.topic.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Registry-free serdes for TopologyTestDriver tests: the Apicurio wire framing (magic byte, a fixed
 * schema id, Avro binary) and the production {@link CheckedDeserializer}, so poison records fail
 * exactly as in production.
 */
final class FramedAvroSerdes implements TopicSerdes {

  @Override
  @SuppressWarnings("unchecked")
  public <V> Serde<V> valueSerde(Topic<String, V> topic) {
    Class<? extends SpecificRecord> type = ((Codec.Avro<?>) topic.value()).type();
    return (Serde<V>) serde(type);
  }

  static <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {0, 0, 0, 0, 1});
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(value, encoder);
            encoder.flush();
            return out.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    Deserializer<T> avro =
        (topic, data) -> {
          BinaryDecoder decoder =
              DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
          try {
            return reader.read(null, decoder);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    return Serdes.serdeFrom(serializer, new CheckedDeserializer<>(avro));
  }
}
