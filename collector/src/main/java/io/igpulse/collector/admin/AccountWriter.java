package io.igpulse.collector.admin;

import io.igpulse.collector.kafka.CollectorTopics;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.LoginFlavour;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.serde.UndecodableRecordException;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Writes account registrations to {@code instagram.accounts} (the only way accounts are followed)
 * and reads an account's latest registration back. Shared by the admin HTTP API, the import and the
 * CLI. Blocking: call it from a worker or the CLI's main thread.
 */
public final class AccountWriter {

  private final String bootstrapServers;
  private final RegistryConfig registry;
  private final Producer<String, byte[]> producer;
  private final Map<String, String> consumerOverrides;
  private final Serializer<AccountRegistration> serializer;
  private final Clock clock;

  /**
   * @param consumerOverrides the operator's consumer settings (security, timeouts), applied to the
   *     reader of the latest registrations as to the service's own consumers
   */
  public AccountWriter(
      String bootstrapServers,
      Map<String, String> consumerOverrides,
      RegistryConfig registry,
      Producer<String, byte[]> producer,
      Clock clock) {
    this.bootstrapServers = bootstrapServers;
    this.consumerOverrides = Map.copyOf(consumerOverrides);
    this.registry = registry;
    this.producer = producer;
    this.serializer = Topics.ACCOUNTS.valueSerde(registry).serializer();
    this.clock = clock;
  }

  /** What an operator asks for when adding an account. */
  public record Request(
      String igUserId, String label, String tokenRef, List<String> hashtags, LoginFlavour flavour) {

    public Request {
      if (igUserId == null || !igUserId.matches("[0-9]{1,30}")) {
        throw new IllegalArgumentException("ig_user_id must be the numeric Instagram user id");
      }
      if (tokenRef == null || !tokenRef.matches("[A-Za-z0-9_.-]{1,100}")) {
        throw new IllegalArgumentException(
            "token_ref must name a token (letters, digits, _ . -), never be the token itself");
      }
      label = label == null || label.isBlank() ? igUserId : label;
      hashtags = List.copyOf(HashtagRules.normalize(hashtags));
      flavour = flavour == null ? LoginFlavour.FACEBOOK_LOGIN : flavour;
    }
  }

  /** Adds or updates an active registration; keeps the first registration time. */
  public AccountRegistration register(Request request) throws Exception {
    return registerAll(List.of(request)).get(0);
  }

  /**
   * Adds or updates many accounts with one read of their partitions (an import, a migration), each
   * keeping its first registration time.
   */
  public List<AccountRegistration> registerAll(List<Request> requests) throws Exception {
    Instant now = clock.instant();
    Map<String, AccountRegistration> known =
        latestAll(requests.stream().map(Request::igUserId).collect(Collectors.toSet()));
    List<AccountRegistration> written = new ArrayList<>();
    List<Future<?>> sends = new ArrayList<>();
    for (Request request : requests) {
      AccountRegistration before = known.get(request.igUserId());
      AccountRegistration registration =
          AccountRegistration.newBuilder()
              .setIgUserId(request.igUserId())
              .setLabel(request.label())
              .setTokenRef(request.tokenRef())
              .setLoginFlavour(request.flavour())
              .setHashtags(request.hashtags())
              .setActive(true)
              .setRegisteredAt(before == null ? now : before.getRegisteredAt())
              .setUpdatedAt(now)
              .build();
      sends.add(send(registration));
      written.add(registration);
    }
    for (Future<?> f : sends) {
      f.get(30, TimeUnit.SECONDS);
    }
    return written;
  }

  /** Marks the account inactive (its record stays, for history); empty when it was never added. */
  public Optional<AccountRegistration> deactivate(String igUserId) throws Exception {
    Optional<AccountRegistration> current = latest(igUserId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    AccountRegistration off =
        AccountRegistration.newBuilder(current.get())
            .setActive(false)
            .setUpdatedAt(clock.instant())
            .build();
    write(off);
    return Optional.of(off);
  }

  private void write(AccountRegistration registration) throws Exception {
    send(registration).get(30, TimeUnit.SECONDS);
  }

  private Future<RecordMetadata> send(AccountRegistration registration) {
    String topic = Topics.ACCOUNTS.name();
    return producer.send(
        new ProducerRecord<>(
            topic, registration.getIgUserId(), serializer.serialize(topic, registration)));
  }

  /** The account's latest registration, read from its partition. */
  public Optional<AccountRegistration> latest(String igUserId) {
    return Optional.ofNullable(latestAll(Set.of(igUserId)).get(igUserId));
  }

  /**
   * The latest registration of each of these accounts that has one, reading only their partitions.
   */
  public Map<String, AccountRegistration> latestAll(Set<String> ids) {
    Map<String, Object> props = ClientSettings.assignedReader(bootstrapServers, consumerOverrides);
    Map<String, AccountRegistration> last = new HashMap<>();
    if (ids.isEmpty()) {
      return last;
    }
    try (KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        RecordDecoder<AccountRegistration> decoder =
            RecordDecoder.forValues(Topics.ACCOUNTS, registry)) {
      int partitions =
          consumer.partitionsFor(Topics.ACCOUNTS.name(), Duration.ofSeconds(30)).size();
      List<TopicPartition> tps =
          ids.stream()
              .map(id -> CollectorTopics.partitionOf(id, partitions))
              .distinct()
              .map(p -> new TopicPartition(Topics.ACCOUNTS.name(), p))
              .toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps);
      while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null || !ids.contains(r.key())) {
            continue;
          }
          if (r.value() == null) {
            last.remove(r.key());
            continue;
          }
          try {
            last.put(r.key(), decoder.decode(r));
          } catch (UndecodableRecordException e) {
            // A poison record is the collector's dead-letter business; it names no registration.
          }
        }
      }
      return last;
    }
  }
}
