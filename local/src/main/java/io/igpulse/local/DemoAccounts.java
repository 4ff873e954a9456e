package io.igpulse.local;

import io.igpulse.collector.admin.AccountWriter;
import io.igpulse.events.LoginFlavour;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.BurstPlan;
import io.igpulse.simulator.world.World;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The accounts a demo run follows: the demo scenario's burst accounts, then the first accounts of
 * the simulated world, each tracking the burst hashtags and the world's most used ones, registered
 * through the collector's own {@link AccountWriter} (the code behind the admin API's {@code POST
 * /admin/accounts}). Their tokens reach the services as {@code IGPULSE_TOKEN_<ig user id>}
 * variables, never through a topic.
 */
final class DemoAccounts {

  /** Hashtags each followed account tracks: the world's most used ones. */
  static final int TRACKED_HASHTAGS = 3;

  private final List<AccountWriter.Request> requests;
  private final Map<String, String> tokens;

  private DemoAccounts(List<AccountWriter.Request> requests, Map<String, String> tokens) {
    this.requests = requests;
    this.tokens = tokens;
  }

  static DemoAccounts of(World world, int followed, List<BurstPlan> bursts) {
    Set<String> hashtags = new LinkedHashSet<>();
    Set<Integer> accounts = new LinkedHashSet<>();
    for (BurstPlan burst : bursts) {
      if (burst.hashtag() != null) {
        hashtags.add(burst.hashtag());
      }
      if (burst.account() != null) {
        accounts.add(world.accountByUsername(burst.account()));
      }
    }
    for (int i = 0; hashtags.size() < TRACKED_HASHTAGS && i < world.hashtags().size(); i++) {
      hashtags.add(world.hashtags().name(i));
    }
    for (int i = 0; accounts.size() < followed && i < world.accountCount(); i++) {
      accounts.add(i);
    }
    List<AccountWriter.Request> requests = new ArrayList<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    for (int index : accounts) {
      Account a = world.account(index);
      String id = Long.toString(a.igUserId());
      requests.add(
          new AccountWriter.Request(
              id, a.username(), id, List.copyOf(hashtags), LoginFlavour.FACEBOOK_LOGIN));
      tokens.put("IGPULSE_TOKEN_" + id, a.token());
    }
    return new DemoAccounts(List.copyOf(requests), Map.copyOf(tokens));
  }

  /** The tokens as the services read them: {@code IGPULSE_TOKEN_<token_ref>}. */
  Map<String, String> tokenVariables() {
    return tokens;
  }

  int size() {
    return requests.size();
  }

  /** The followed accounts' IG user ids, burst accounts first. */
  public List<String> ids() {
    return requests.stream().map(AccountWriter.Request::igUserId).toList();
  }

  /** Registers every account (again, on a restart: a registration keeps its first time). */
  void register(String bootstrapServers, RegistryConfig registry, Clock clock) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            ClientSettings.reliableProducer(bootstrapServers, "igpulse-local-demo", Map.of()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      new AccountWriter(bootstrapServers, Map.of(), registry, producer, clock)
          .registerAll(requests);
    }
  }
}
