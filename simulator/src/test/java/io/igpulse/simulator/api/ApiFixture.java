package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.clock.SimClock;
import io.igpulse.simulator.world.BurstPlan;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.World;
import io.igpulse.simulator.world.WorldSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A transport-free simulated API on a frozen clock, for rule tests without a network. */
final class ApiFixture {

  static final String BASE = "http://127.0.0.1:1";

  final World world;
  final SimClock clock;
  final TokenRegistry tokens;
  final GraphApi api;
  final CallStats stats = new CallStats();

  ApiFixture(long seed, int accounts) {
    this(seed, accounts, ApiSettings.defaults(new AppCredentials("1000000042", "s3cr3t", false)));
  }

  ApiFixture(long seed, int accounts, ApiSettings settings) {
    this(WorldSpec.of(seed, accounts), settings, List.of());
  }

  ApiFixture(WorldSpec spec, ApiSettings settings, List<BurstPlan> bursts) {
    this.world = new World(spec, bursts);
    this.clock = new SimClock(spec.start(), 0);
    this.tokens = new TokenRegistry(world, settings.app());
    this.api = new GraphApi(world, clock, settings, tokens, stats, () -> BASE);
  }

  String token(int account) {
    return world.account(account).token();
  }

  GraphResponse get(String path, String token, String... keyValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    if (token != null) {
      params.put("access_token", token);
    }
    return api.handle("GET", path, params, null);
  }

  static JsonNode json(GraphResponse response) {
    return Json.parse(response.bodyText());
  }

  /** The first post (by account, then ordinal) that exists now and matches. */
  Media findPost(Predicate<Media> wanted) {
    long now = clock.nowEpochSecond();
    for (int a = 0; a < world.accountCount(); a++) {
      int visible = world.schedule(a).postsVisibleAt(now);
      for (int ord = 0; ord < visible; ord++) {
        Media media = world.post(a, ord);
        if (wanted.test(media)) {
          return media;
        }
      }
    }
    throw new AssertionError("no post in the world matches");
  }

  /** The first story live now that matches. */
  Media findStory(Predicate<Media> wanted) {
    long now = clock.nowEpochSecond();
    for (int a = 0; a < world.accountCount(); a++) {
      int created = world.schedule(a).storiesCreatedBy(now);
      for (int s = 0; s < created; s++) {
        Media story = world.story(a, s);
        if (story.isLiveAt(now) && wanted.test(story)) {
          return story;
        }
      }
    }
    throw new AssertionError("no live story in the world matches");
  }

  boolean postBusiness(Media media) {
    return media.createdSec() >= world.account(media.account()).businessSinceSec();
  }
}
