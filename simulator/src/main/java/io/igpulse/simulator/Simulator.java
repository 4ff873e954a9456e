package io.igpulse.simulator;

import io.igpulse.simulator.api.CallStats;
import io.igpulse.simulator.api.GraphApi;
import io.igpulse.simulator.api.TokenRegistry;
import io.igpulse.simulator.clock.SimClock;
import io.igpulse.simulator.control.ControlApi;
import io.igpulse.simulator.control.Faults;
import io.igpulse.simulator.http.SimulatorVerticle;
import io.igpulse.simulator.webhook.WebhookDelivery;
import io.igpulse.simulator.webhook.WebhookEvents;
import io.igpulse.simulator.world.World;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running simulator: the handle tests, the testkit extension, benchmarks and {@code main} hold.
 * Gives the base URL, the world (ids, usernames, tokens), the clock and the ground truth without
 * HTTP; closing it stops the server.
 */
public final class Simulator implements AutoCloseable {

  private final SimulatorConfig config;
  private final Vertx vertx;
  private final World world;
  private final SimClock clock;
  private final TokenRegistry tokens;
  private final CallStats stats;
  private final ControlApi control;
  private final int port;

  private Simulator(
      SimulatorConfig config,
      Vertx vertx,
      World world,
      SimClock clock,
      TokenRegistry tokens,
      CallStats stats,
      ControlApi control,
      int port) {
    this.config = config;
    this.vertx = vertx;
    this.world = world;
    this.clock = clock;
    this.tokens = tokens;
    this.stats = stats;
    this.control = control;
    this.port = port;
  }

  /** Builds the world and starts listening; blocks until ready and throws if it cannot. */
  public static Simulator start(SimulatorConfig config) {
    World world = new World(config.world(), config.bursts());
    SimClock clock = new SimClock(config.world().start(), config.speed());
    TokenRegistry tokens = new TokenRegistry(world, config.api().app());
    CallStats stats = new CallStats();
    Faults faults = new Faults(config.world().seed());
    AtomicReference<String> baseUrl = new AtomicReference<>("http://" + config.host());
    GraphApi api = new GraphApi(world, clock, config.api(), tokens, stats, baseUrl::get);
    ControlApi control = new ControlApi(world, clock, tokens, stats, faults);
    WebhookEvents events = new WebhookEvents(world, config.storyInsightsFields(), 500);
    SimulatorVerticle verticle =
        new SimulatorVerticle(
            config.host(),
            config.port(),
            new SimulatorVerticle.Parts(api, control, faults, tokens, stats),
            v -> new WebhookDelivery(v, clock, config.api().app(), events));
    // Uses the native epoll transport when netty's native library is on the class path.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      vertx
          .deployVerticle(verticle)
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException(
          "simulator failed to start on " + config.host() + ":" + config.port(), e);
    }
    // Walking every account to index hashtags takes a second for a million media: do it now, off
    // the event loop, rather than inside the first hashtag call.
    vertx.executeBlocking(world::hashtagIndex);
    int port = verticle.actualPort();
    baseUrl.set("http://" + config.host() + ":" + port);
    return new Simulator(config, vertx, world, clock, tokens, stats, control, port);
  }

  public SimulatorConfig config() {
    return config;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}; the Graph API is at {@code /v24.0/...} below it. */
  public String baseUrl() {
    return "http://" + config.host() + ":" + port;
  }

  public World world() {
    return world;
  }

  public SimClock clock() {
    return clock;
  }

  public TokenRegistry tokens() {
    return tokens;
  }

  public CallStats stats() {
    return stats;
  }

  /** The control API without HTTP (the same answers as {@code /_sim/...}). */
  public ControlApi control() {
    return control;
  }

  /** The Page token of account {@code index}. */
  public String token(int index) {
    return world.account(index).token();
  }

  public void advance(Duration by) {
    clock.advance(by);
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("simulator did not stop cleanly", e);
    }
  }
}
