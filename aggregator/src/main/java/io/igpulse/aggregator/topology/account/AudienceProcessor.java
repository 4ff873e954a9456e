package io.igpulse.aggregator.topology.account;

import io.igpulse.events.AccountAudience;
import io.igpulse.events.AccountInsightSnapshot;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each account's latest audience (see {@link Audience}) and publishes it when it changes: a
 * snapshot that read demographics replaces the stored one only when captured later, so a late or
 * redelivered older snapshot changes nothing.
 */
public final class AudienceProcessor
    implements Processor<String, AccountInsightSnapshot, String, AccountAudience> {

  private final String storeName;
  private ProcessorContext<String, AccountAudience> context;
  private KeyValueStore<String, String> store;

  public AudienceProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, AccountAudience> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, AccountInsightSnapshot> record) {
    if (record.value() == null) {
      return;
    }
    JsonObject audience = Audience.of(record.value());
    if (audience == null) {
      return;
    }
    String account = record.value().getIgUserId();
    String stored = store.get(account);
    if (Audience.newer(audience, stored == null ? null : new JsonObject(stored))) {
      store.put(account, audience.encode());
      context.forward(record.withKey(account).withValue(Audience.toEvent(audience)));
    }
  }
}
