package io.igpulse.runtime.kafka;

import io.igpulse.schemas.topic.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalog topics a service reads or writes when they are missing (with the catalog's
 * partitions and policies, the broker's replication factor), so a fresh cluster works without a
 * separate setup step. Existing topics are left as they are.
 */
public final class TopicBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

  private TopicBootstrap() {}

  /**
   * @param adminConfig the admin client's settings, from {@link ClientSettings#admin}: the
   *     service's security overrides included, or a SASL/TLS cluster refuses the connection
   */
  public static void ensure(Map<String, Object> adminConfig, List<Topic<?, ?>> topics) {
    Object bootstrapServers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream().filter(t -> !existing.contains(t.name())).map(Topic::toNewTopic).toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot check or create topics on " + bootstrapServers, e);
    }
  }
}
