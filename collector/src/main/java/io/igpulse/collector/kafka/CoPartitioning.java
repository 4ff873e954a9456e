package io.igpulse.collector.kafka;

import io.igpulse.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Refuses to start when an internal topic's partition count differs from {@code
 * instagram.accounts}': partition {@code p} of each must hold the same accounts, or an instance
 * would load another's seen state and act on another's webhooks.
 */
public final class CoPartitioning {

  private CoPartitioning() {}

  /**
   * @param adminConfig the admin client's settings, security overrides included
   */
  public static void check(Map<String, Object> adminConfig, String... internal) throws Exception {
    try (Admin admin = Admin.create(adminConfig)) {
      List<String> names = new ArrayList<>(List.of(internal));
      names.add(Topics.ACCOUNTS.name());
      Map<String, TopicDescription> described = describe(admin, names);
      int accounts = described.get(Topics.ACCOUNTS.name()).partitions().size();
      for (String topic : internal) {
        int n = described.get(topic).partitions().size();
        if (n != accounts) {
          throw new IllegalStateException(
              topic
                  + " has "
                  + n
                  + " partitions but "
                  + Topics.ACCOUNTS.name()
                  + " has "
                  + accounts
                  + "; they must be equal");
        }
      }
    }
  }

  /** Describes the topics, waiting out metadata that has not caught up with a fresh creation. */
  private static Map<String, TopicDescription> describe(Admin admin, List<String> names)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
