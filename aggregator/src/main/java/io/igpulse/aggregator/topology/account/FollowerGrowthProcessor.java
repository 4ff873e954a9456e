package io.igpulse.aggregator.topology.account;

import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.FollowerGrowth;
import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follower growth per account and day from account snapshots (keyed by account, as the input
 * topic).
 */
public final class FollowerGrowthProcessor
    implements Processor<String, AccountInsightSnapshot, String, FollowerGrowth> {

  private final String storeName;
  private ProcessorContext<String, FollowerGrowth> context;
  private KeyValueStore<String, FollowerHistory> store;

  public FollowerGrowthProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, FollowerGrowth> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, AccountInsightSnapshot> record) {
    AccountInsightSnapshot snapshot = record.value();
    if (snapshot == null) {
      return;
    }
    String account = snapshot.getIgUserId();
    FollowerHistory before = store.get(account);
    FollowerHistory history = before == null ? FollowerHistory.empty() : before;
    var changed = history.record(snapshot);
    if (changed.isEmpty()) {
      return;
    }
    store.put(account, history);
    for (long day : changed) {
      context.forward(record.withKey(key(account, day)).withValue(history.growth(account, day)));
    }
  }

  /** Topic key: {@code <account>@<day>}. */
  public static String key(String account, long epochDay) {
    return account + "@" + LocalDate.ofEpochDay(epochDay);
  }
}
