package io.igpulse.runtime.streams;

import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.Topic;
import org.apache.kafka.common.serialization.Serde;

/**
 * Where the topology gets the value serdes of the contract topics. Production uses the Apicurio
 * serdes of the catalog; {@code TopologyTestDriver} tests swap in registry-free Avro so they need
 * no network, and the wiring under test stays the production one.
 */
@FunctionalInterface
public interface TopicSerdes {

  <V> Serde<V> valueSerde(Topic<String, V> topic);

  static TopicSerdes apicurio(RegistryConfig registry) {
    return new TopicSerdes() {
      @Override
      public <V> Serde<V> valueSerde(Topic<String, V> topic) {
        return topic.valueSerde(registry);
      }
    };
  }
}
