package io.igpulse.benchmarks.enricher;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.enricher.schedule.Cadence;
import io.igpulse.enricher.service.EnricherService;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.graphapi.Flavour;
import io.igpulse.graphapi.GraphApiConfig;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.InMemoryTokenProvider;
import io.igpulse.graphapi.token.TokenRedactor;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.WorldSpec;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.KafkaClusters;
import io.igpulse.testkit.registry.Registries;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole enricher (exactly-once Streams, schedule store, batches through the Graph API client)
 * against an instant simulator on loopback, in-JVM broker and registry stand-in: every post of
 * every account younger than 30 days is discovered at once, and the harness measures how fast the
 * first round of snapshots is published, then a second round one simulated hour later. Figures:
 * snapshots/s (wall time from discovery to the last snapshot counted by the service) and HTTP
 * requests per snapshot (the client's request meter).
 *
 * <p>Args: {@code [accounts=50] [mediaPerAccount=600] [tick=PT2S] [mode=rounds]} (media per account
 * as the simulator's {@code --media-per-account}: 20 % of them are posted over the 14 days after
 * the world starts, so 13 days in an account has about a fifth of them in its 30-day schedule).
 * Mode {@code rounds}: rounds 1 and 2 as above. Mode {@code steady} (feed posts and stories) or
 * {@code steady-posts} (feed posts only): round 1, then one simulated day of normal running ({@link
 * SteadyStateDay}) instead of round 2.
 */
public final class EnricherThroughput {

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int mediaPerAccount = args.length > 1 ? Integer.parseInt(args[1]) : 600;
    Duration tick = Duration.parse(args.length > 2 ? args[2] : "PT2S");
    String mode = args.length > 3 ? args[3] : "rounds";
    if (!List.of("rounds", "steady", "steady-posts").contains(mode)) {
      throw new IllegalArgumentException("mode must be rounds, steady or steady-posts: " + mode);
    }
    try (KafkaCluster kafka = KafkaClusters.start(1);
        SchemaRegistry registry = Registries.start();
        Simulator sim =
            Simulator.start(
                SimulatorConfig.of(42, accounts)
                    .withWorld(WorldSpec.of(42, accounts).withMediaPerAccount(mediaPerAccount)))) {
      kafka.createTopics(Topics.all());
      // Thirteen simulated days in, every account has its newest two weeks of posts.
      sim.advance(Duration.ofDays(13));
      List<Media> media = youngPosts(sim, Duration.ofDays(30));
      GraphApiConfig graph = GraphApiConfig.defaults(Flavour.FACEBOOK).withBaseUrl(sim.baseUrl());
      EnricherConfig config =
          new EnricherConfig(
              kafka.bootstrapServers(),
              "enricher-bench",
              registry.config(),
              graph,
              Cadence.defaults(),
              tick,
              10_000,
              1_000_000,
              1_000_000,
              Duration.ofMinutes(30),
              Duration.ofSeconds(60),
              false,
              ServiceClock.SYSTEM,
              0,
              50,
              Files.createTempDirectory("enricher-bench").toString(),
              Map.of());
      TokenRedactor redactor = new TokenRedactor();
      Map<String, AccessToken> tokens = new HashMap<>();
      for (int i = 0; i < accounts; i++) {
        Account a = sim.world().account(i);
        tokens.put(Long.toString(a.igUserId()), AccessToken.of(a.token()));
      }
      Clock clock = sim.clock().asJavaClock();
      try (EnricherService service =
          new EnricherService(
              config, clock, new InMemoryTokenProvider(tokens, redactor), redactor)) {
        service.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        while (!service.ready()) {
          Thread.sleep(50);
        }
        long start = System.nanoTime();
        discover(kafka, registry, sim, media);
        Round first = awaitRound(service, start, media.size(), 0);
        System.out.printf(
            "accounts=%d media/account=%d media discovered (younger than 30 days)=%d tick=%s%n"
                + "round 1 (all at once): %d snapshots in %.2f s = %.0f snapshots/s, %d HTTP requests"
                + " = %.4f requests/snapshot (%d media left the schedule: pre-business or gone)%n",
            accounts,
            mediaPerAccount,
            media.size(),
            tick,
            first.snapshots(),
            first.seconds(),
            first.snapshots() / first.seconds(),
            first.requests(),
            first.requests() / (double) first.snapshots(),
            service.metrics().count("igpulse.enricher.media.reads", "outcome", "leave"));
        if (!mode.equals("rounds")) {
          new SteadyStateDay(
                  sim,
                  service,
                  config.cadence(),
                  mode.equals("steady"),
                  found -> discover(kafka, registry, sim, found))
              .run(media);
          return;
        }
        sim.advance(Duration.ofHours(1));
        long secondStart = System.nanoTime();
        Round second = awaitRound(service, secondStart, -1, first.snapshots());
        System.out.printf(
            "round 2 (+1 h, the due ones): %d snapshots in %.2f s = %.0f snapshots/s, %d HTTP"
                + " requests = %.4f requests/snapshot%n",
            second.snapshots() - first.snapshots(),
            second.seconds(),
            (second.snapshots() - first.snapshots()) / second.seconds(),
            second.requests() - first.requests(),
            (second.requests() - first.requests())
                / (double) (second.snapshots() - first.snapshots()));
      }
    }
  }

  private record Round(long snapshots, long requests, double seconds) {}

  /**
   * Waits until the service's counters stop moving (every read of the round answered): snapshots +
   * media that left the schedule reach {@code expected} when given, else no change for 2 s.
   */
  private static Round awaitRound(EnricherService service, long start, int expected, long before)
      throws InterruptedException {
    long lastChange = System.nanoTime();
    long last = -1;
    long lastAt = start;
    while (true) {
      long snapshots = service.metrics().snapshots();
      long settled =
          snapshots + service.metrics().count("igpulse.enricher.media.reads", "outcome", "leave");
      if (snapshots != last) {
        last = snapshots;
        lastChange = System.nanoTime();
        lastAt = lastChange;
      }
      if (expected > 0 && settled >= expected) {
        break;
      }
      if (expected < 0 && snapshots > before && System.nanoTime() - lastChange > 2_000_000_000L) {
        break;
      }
      Thread.sleep(5);
    }
    return new Round(last, requests(service), (lastAt - start) / 1e9);
  }

  static long requests(EnricherService service) {
    return (long)
        service.registry().find("igpulse.graph.requests").counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  private static List<Media> youngPosts(Simulator sim, Duration maxAge) {
    long now = sim.clock().nowEpochSecond();
    List<Media> out = new ArrayList<>();
    for (int a = 0; a < sim.world().accountCount(); a++) {
      int visible = sim.world().schedule(a).postsVisibleAt(now);
      for (int ord = visible - 1; ord >= 0; ord--) {
        Media m = sim.world().post(a, ord);
        if (now - m.createdSec() > maxAge.toSeconds()) {
          break;
        }
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Publishes {@code MediaDiscovered} records as the collector would: owned posts as {@code OWNED},
   * stories as {@code STORY} with {@code expires_at} = posted + 24 h; discovered "now" (sim clock).
   */
  static void discover(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim, List<Media> media)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, MediaDiscovered> producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            Topics.MEDIA_DISCOVERED.valueSerde(registry.config()).serializer())) {
      for (Media m : media) {
        String owner = Long.toString(sim.world().account(m.account()).igUserId());
        MediaDiscovered d =
            MediaDiscovered.newBuilder()
                .setMediaId(Long.toString(m.id()))
                .setOwnerId(owner)
                .setFollowedAccountId(owner)
                .setMediaType(MediaType.valueOf(m.kind().mediaType()))
                .setMediaProductType(MediaProductType.valueOf(m.kind().productType()))
                .setPostedAt(Instant.ofEpochSecond(m.createdSec()))
                .setSource(m.isStory() ? DiscoverySource.STORY : DiscoverySource.OWNED)
                .setExpiresAt(
                    m.isStory()
                        ? Instant.ofEpochSecond(m.createdSec() + Media.STORY_LIFETIME_SEC)
                        : null)
                .setDiscoveredAt(sim.clock().now())
                .build();
        producer.send(new ProducerRecord<>(Topics.MEDIA_DISCOVERED.name(), d.getMediaId(), d));
      }
      producer.flush();
    }
  }
}
