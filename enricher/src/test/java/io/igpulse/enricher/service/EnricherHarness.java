package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.enricher.schedule.Cadence;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.graphapi.Flavour;
import io.igpulse.graphapi.GraphApiConfig;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.InMemoryTokenProvider;
import io.igpulse.graphapi.token.TokenRedactor;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.AccountMedia;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;

/**
 * Starts real enrichers against the JVM's broker, registry and simulator (whose clock stands still
 * unless a test moves it), feeds them discoveries of simulator media and reads what they publish.
 */
final class EnricherHarness {

  private final KafkaCluster kafka;
  private final SchemaRegistry registry;
  private final Simulator sim;

  EnricherHarness(KafkaCluster kafka, SchemaRegistry registry, Simulator sim) {
    this.kafka = kafka;
    this.registry = registry;
    this.sim = sim;
  }

  Simulator sim() {
    return sim;
  }

  EnricherConfig config(String applicationId, ApiVersion version) {
    return config(applicationId, version, false);
  }

  EnricherConfig config(String applicationId, ApiVersion version, boolean accountInsights) {
    try {
      GraphApiConfig graph =
          GraphApiConfig.defaults(Flavour.FACEBOOK)
              .withBaseUrl(sim.baseUrl())
              .withVersion(version)
              .withRetries(2, Duration.ofMillis(50), Duration.ofMillis(200));
      return new EnricherConfig(
          kafka.bootstrapServers(),
          applicationId,
          registry.config(),
          graph,
          Cadence.defaults(),
          Duration.ofMillis(200),
          1_000,
          100_000,
          100_000,
          Duration.ofMinutes(30),
          Duration.ofSeconds(20),
          accountInsights,
          ServiceClock.SYSTEM,
          0,
          50,
          Files.createTempDirectory("enricher-it").toString(),
          Map.of("num.stream.threads", "1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An enricher holding the tokens of the accounts of {@code media} only. */
  EnricherService start(EnricherConfig config, List<Media> media) {
    Map<String, AccessToken> tokens = new HashMap<>();
    for (Media m : media) {
      Account a = sim.world().account(m.account());
      tokens.put(Long.toString(a.igUserId()), AccessToken.of(a.token()));
    }
    return start(config, tokens);
  }

  /** An enricher holding exactly these tokens, by account reference. */
  EnricherService start(EnricherConfig config, Map<String, AccessToken> tokens) {
    TokenRedactor redactor = new TokenRedactor();
    EnricherService service =
        new EnricherService(
            config,
            sim.clock().asJavaClock(),
            new InMemoryTokenProvider(tokens, redactor),
            redactor);
    try {
      service.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      service.close();
      throw new AssertionError("enricher did not start", e);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
    return service;
  }

  /**
   * The {@code count} newest feed posts (not stories) of an account that are at least 20 minutes
   * and at most {@code maxAge} old now and were posted after its business conversion, optionally of
   * one kind.
   */
  List<Media> youngPosts(int account, int count, Duration maxAge, String kind) {
    long now = sim.clock().nowEpochSecond();
    Account a = sim.world().account(account);
    AccountMedia schedule = sim.world().schedule(account);
    List<Media> out = new ArrayList<>();
    for (int ord = schedule.postsVisibleAt(now) - 1; ord >= 0 && out.size() < count; ord--) {
      Media m = sim.world().post(account, ord);
      if (now - m.createdSec() > maxAge.toSeconds()) {
        break;
      }
      if (now - m.createdSec() >= 1200
          && m.createdSec() > a.businessSinceSec()
          && (kind == null || m.kind().name().equals(kind))) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * {@code count} posts 20 min to 5 h old (of {@code kind}, or any when null), one per account at
   * most, of the accounts from {@code first} (inclusive) to {@code end}; the clock moves an hour at
   * a time, two simulated days at most, until there are that many.
   */
  List<Media> youngPostsOf(int first, int end, int count, String kind) {
    for (int attempt = 0; attempt < 48; attempt++) {
      List<Media> out = new ArrayList<>();
      for (int a = first; a < end && out.size() < count; a++) {
        out.addAll(youngPosts(a, 1, Duration.ofHours(5), kind));
      }
      if (out.size() == count) {
        return out;
      }
      advance(Duration.ofHours(1));
    }
    throw new AssertionError(
        "no " + count + " young " + (kind == null ? "" : kind + " ") + "posts in two days");
  }

  /**
   * Waits for the snapshots the looks asked for and checks them: each media captured exactly at the
   * looks its schedule makes due, each capture once, its engagement equal to the simulator's truth.
   * Returns how many snapshots that is.
   */
  int awaitScheduledOnceAndTrue(
      TopicReader out, List<Media> media, List<Instant> lookedAt, Duration timeout) {
    Map<String, List<MediaInsightSnapshot>> byMedia =
        byMedia(awaitScheduled(out, media, lookedAt, timeout));
    int snapshots = 0;
    for (Media m : media) {
      List<MediaInsightSnapshot> own = byMedia.get(Long.toString(m.id()));
      assertThat(own)
          .extracting(MediaInsightSnapshot::getCapturedAt)
          .as("captures of %s, each once", m.id())
          .containsExactlyElementsOf(ScheduleReplay.expected(m, lookedAt));
      for (MediaInsightSnapshot s : own) {
        assertThat(s.getEngagement())
            .as("engagement of %s at %s", m.id(), s.getCapturedAt())
            .isEqualTo(truth(s).get("total_interactions"));
      }
      snapshots += own.size();
    }
    return snapshots;
  }

  /** A live story of the account, 20 min to {@code maxAge} old, or null. */
  Media youngStory(int account, Duration maxAge) {
    long now = sim.clock().nowEpochSecond();
    int created = sim.world().schedule(account).storiesCreatedBy(now);
    for (int i = created - 1; i >= 0; i--) {
      Media m = sim.world().story(account, i);
      long age = now - m.createdSec();
      if (age > maxAge.toSeconds()) {
        return null;
      }
      if (age >= 1200 && m.isLiveAt(now)) {
        return m;
      }
    }
    return null;
  }

  String accountId(Media m) {
    return Long.toString(sim.world().account(m.account()).igUserId());
  }

  MediaDiscovered discovered(Media m) {
    String owner = accountId(m);
    return MediaDiscovered.newBuilder()
        .setMediaId(Long.toString(m.id()))
        .setOwnerId(owner)
        .setFollowedAccountId(owner)
        .setMediaType(MediaType.valueOf(m.kind().mediaType()))
        .setMediaProductType(MediaProductType.valueOf(m.kind().productType()))
        .setPostedAt(Instant.ofEpochSecond(m.createdSec()))
        .setSource(m.kind().isStory() ? DiscoverySource.STORY : DiscoverySource.OWNED)
        .setCaptionHashtags(List.of())
        .setExpiresAt(m.kind().isStory() ? Instant.ofEpochSecond(m.createdSec() + 86_400) : null)
        .setDiscoveredAt(sim.clock().now())
        .build();
  }

  /**
   * The discovery of another account's media by {@code followed} through an edge, as the collector
   * writes it: no owner id, the owner's username only where the edge gives it, caption hashtags.
   */
  MediaDiscovered foundThrough(Media m, DiscoverySource source, String followed, String hashtag) {
    boolean hashtagEdge =
        source == DiscoverySource.HASHTAG_TOP || source == DiscoverySource.HASHTAG_RECENT;
    List<String> tags = new ArrayList<>();
    for (int tag : sim.world().hashtags().tagsOf(m)) {
      tags.add(sim.world().hashtags().name(tag));
    }
    return MediaDiscovered.newBuilder()
        .setMediaId(Long.toString(m.id()))
        .setOwnerId(null)
        .setOwnerUsername(hashtagEdge ? null : sim.world().account(m.account()).username())
        .setFollowedAccountId(followed)
        .setMediaType(MediaType.valueOf(m.kind().mediaType()))
        .setMediaProductType(MediaProductType.valueOf(m.kind().productType()))
        .setPostedAt(Instant.ofEpochSecond(m.createdSec()))
        .setSource(source)
        .setHashtag(hashtag)
        .setCaptionHashtags(tags)
        .setDiscoveredAt(sim.clock().now())
        .build();
  }

  void discover(List<Media> media) {
    send(media.stream().map(this::discovered).toList());
  }

  void send(List<MediaDiscovered> discoveries) {
    try (KafkaProducer<String, MediaDiscovered> producer =
        producer(Topics.MEDIA_DISCOVERED.valueSerde(registry.config()).serializer())) {
      for (MediaDiscovered d : discoveries) {
        producer
            .send(new ProducerRecord<>(Topics.MEDIA_DISCOVERED.name(), d.getMediaId(), d))
            .get();
      }
    } catch (Exception e) {
      throw new AssertionError("cannot send discoveries", e);
    }
  }

  void register(AccountRegistration registration) {
    try (KafkaProducer<String, AccountRegistration> producer =
        producer(Topics.ACCOUNTS.valueSerde(registry.config()).serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ACCOUNTS.name(), registration.getIgUserId(), registration))
          .get();
    } catch (Exception e) {
      throw new AssertionError("cannot register account", e);
    }
  }

  void sendRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = producer(new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("cannot send raw record", e);
    }
  }

  TopicReader mark(Topic<?, ?> topic) {
    return TopicReader.mark(kafka, topic.name());
  }

  /** Reads committed snapshots from the mark until {@code done} holds for them. */
  List<MediaInsightSnapshot> awaitSnapshots(
      TopicReader mark, Predicate<List<MediaInsightSnapshot>> done, Duration timeout) {
    return awaitDecoded(mark, Topics.MEDIA_INSIGHTS, done, timeout);
  }

  /** Reads committed account snapshots from the mark until {@code done} holds for them. */
  List<AccountInsightSnapshot> awaitAccountSnapshots(
      TopicReader mark, Predicate<List<AccountInsightSnapshot>> done, Duration timeout) {
    return awaitDecoded(mark, Topics.ACCOUNT_INSIGHTS, done, timeout);
  }

  private <V> List<V> awaitDecoded(
      TopicReader mark, Topic<String, V> topic, Predicate<List<V>> done, Duration timeout) {
    List<V> out = new ArrayList<>();
    try (RecordDecoder<V> decoder = RecordDecoder.forValues(topic, registry.config())) {
      mark.readUntil(
          records -> {
            out.clear();
            for (ConsumerRecord<byte[], byte[]> r : records) {
              out.add(decoder.decode(r));
            }
            return done.test(out);
          },
          timeout);
    }
    return out;
  }

  /** Snapshots per media id. */
  static Map<String, List<MediaInsightSnapshot>> byMedia(List<MediaInsightSnapshot> all) {
    Map<String, List<MediaInsightSnapshot>> out = new HashMap<>();
    all.forEach(s -> out.computeIfAbsent(s.getMediaId(), k -> new ArrayList<>()).add(s));
    return out;
  }

  /** Whether every media has exactly {@code n} snapshots (and no other media has any). */
  static Predicate<List<MediaInsightSnapshot>> each(List<Media> media, int n) {
    return all -> {
      Map<String, List<MediaInsightSnapshot>> by = byMedia(all);
      return media.stream()
          .allMatch(m -> by.getOrDefault(Long.toString(m.id()), List.of()).size() >= n);
    };
  }

  /** The simulator's true lifetime totals of a media at the second a snapshot was captured. */
  Map<String, Long> truth(MediaInsightSnapshot s) {
    Media m = sim.world().findMedia(Long.parseLong(s.getMediaId()));
    MediaTotals t = sim.world().engagement().totals(m, s.getCapturedAt().getEpochSecond());
    Map<String, Long> out = new HashMap<>();
    out.put("reach", t.reach());
    out.put("views", t.views());
    out.put("likes", t.likes());
    out.put("comments", t.comments());
    out.put("saved", t.saved());
    out.put("shares", t.shares());
    out.put("total_interactions", t.totalInteractions(m.kind().isStory()));
    out.put("follows", t.follows());
    out.put("profile_visits", t.profileVisits());
    out.put("profile_activity", t.profileActivity());
    out.put("replies", t.replies());
    out.put("navigation", t.navigation());
    out.put("navigation.tap_forward", t.tapsForward());
    out.put("navigation.tap_back", t.tapsBack());
    out.put("navigation.tap_exit", t.tapsExit());
    out.put("navigation.swipe_forward", t.swipeForward());
    // Answered for cross-posted reels only: views on both apps, and on Facebook alone.
    out.put("crossposted_views", t.views() + t.facebookViews());
    out.put("facebook_views", t.facebookViews());
    return out;
  }

  /**
   * Waits until each media has at least the snapshots the schedule asks for at {@code lookedAt}
   * (see {@link ScheduleReplay}); returns every snapshot read.
   */
  List<MediaInsightSnapshot> awaitScheduled(
      TopicReader out, List<Media> media, List<Instant> lookedAt, Duration timeout) {
    return awaitSnapshots(
        out,
        all -> {
          Map<String, List<MediaInsightSnapshot>> by = byMedia(all);
          return media.stream()
              .allMatch(
                  m ->
                      by.getOrDefault(Long.toString(m.id()), List.of()).size()
                          >= ScheduleReplay.expected(m, lookedAt).size());
        },
        timeout);
  }

  /**
   * Insights calls a media's snapshots cost: one each, and for a reel its cross-posted views, asked
   * at every read of a cross-posted reel and once of any other (refused, then never again).
   */
  static long insightCalls(Media m, long snapshots) {
    if (m.kind() != MediaKind.REELS || snapshots == 0) {
      return snapshots;
    }
    return snapshots + (m.crossPosted() ? snapshots : 1);
  }

  /** Code-100 refusals a media's reads earn from the API as it is: a plain reel's, once. */
  static long crossPostedRefusals(Media m) {
    return m.kind() == MediaKind.REELS && !m.crossPosted() ? 1 : 0;
  }

  long simErrors(String code) {
    return sim.stats().toJson().path("errors").path(code).asLong(0);
  }

  long simCalls() {
    return sim.stats().total();
  }

  void advance(Duration by) {
    sim.advance(by);
  }

  KafkaCluster kafka() {
    return kafka;
  }

  SchemaRegistry registry() {
    return registry;
  }

  private <V> KafkaProducer<String, V> producer(Serializer<V> values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new StringSerializer(), values);
  }
}
