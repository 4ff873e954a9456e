package io.igpulse.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.CallStats;
import io.igpulse.simulator.api.Endpoint;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.api.TokenRegistry;
import io.igpulse.simulator.clock.SimClock;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The control API under {@code /_sim/}, transport-free: world description, clock, ground truth,
 * stats and faults. Bad input is an {@link IllegalArgumentException}, answered 400 by the adapter.
 */
public final class ControlApi {

  private final World world;
  private final SimClock clock;
  private final TokenRegistry tokens;
  private final CallStats stats;
  private final Faults faults;
  private final TruthReports truth;
  private final WindowReports window;

  public ControlApi(
      World world, SimClock clock, TokenRegistry tokens, CallStats stats, Faults faults) {
    this.world = world;
    this.clock = clock;
    this.tokens = tokens;
    this.stats = stats;
    this.faults = faults;
    this.truth = new TruthReports(world, clock);
    this.window = new WindowReports(world);
  }

  public ObjectNode world() {
    ObjectNode node = Json.object();
    node.set("clock", clock());
    ObjectNode app = node.putObject("app");
    app.put("id", tokens.app().appId());
    app.put("secret", tokens.app().appSecret());
    app.put("appsecret_proof_required", tokens.app().requireAppsecretProof());
    node.put("system_user_token", tokens.systemUserToken());
    node.put("user_token_without_business_management", tokens.userTokenWithoutBusinessManagement());
    long now = clock.nowEpochSecond();
    ArrayNode accounts = node.putArray("accounts");
    for (int i = 0; i < world.accountCount(); i++) {
      Account a = world.account(i);
      ObjectNode item = accounts.addObject();
      item.put("index", i);
      item.put("ig_user_id", Long.toString(a.igUserId()));
      item.put("page_id", Long.toString(a.pageId()));
      item.put("business_id", Long.toString(a.businessId()));
      item.put("username", a.username());
      item.put("name", a.name());
      item.put("followers_count", world.followers(i, now));
      item.put("token", a.token());
      item.put(
          "token_expires",
          Instant.ofEpochSecond(a.tokenIssuedSec() + TokenRegistry.LIFETIME_SEC).toString());
      item.put("business_since", Instant.ofEpochSecond(a.businessSinceSec()).toString());
    }
    ArrayNode hashtags = node.putArray("hashtags");
    for (int t = 0; t < world.hashtags().size(); t++) {
      hashtags
          .addObject()
          .put("id", Long.toString(Ids.hashtag(t)))
          .put("name", world.hashtags().name(t));
    }
    return node;
  }

  public ObjectNode clock() {
    ObjectNode node = Json.object();
    node.put("now", clock.now().toString());
    node.put("speed", clock.speed());
    return node;
  }

  /** {@code {"advance":"PT1H"}}, {@code {"set":"2026-01-12T10:00:00Z"}}, {@code {"speed":60}}. */
  public ObjectNode changeClock(JsonNode body) {
    try {
      if (body.hasNonNull("set")) {
        clock.set(Instant.parse(body.get("set").asText()));
      }
      if (body.hasNonNull("advance")) {
        clock.advance(Duration.parse(body.get("advance").asText()));
      }
      if (body.hasNonNull("speed")) {
        clock.setSpeed(body.get("speed").asDouble());
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad time or duration: " + e.getParsedString(), e);
    }
    return clock();
  }

  public ObjectNode mediaTruth(String idText) {
    return truth.media(idText);
  }

  public ObjectNode trends(String window, int limit) {
    return truth.trends(window, limit);
  }

  /** Engagement, reach and views the account's own media gained in [from, to]. */
  public ObjectNode accountEngagement(String account, String from, String to, boolean perMedia) {
    return window.accountEngagement(account, WindowReports.Period.parse(from, to), perMedia);
  }

  /** Likes and comments gained by every media carrying the hashtag. */
  public ObjectNode hashtagPublic(String name, String from, String to, boolean perMedia) {
    return window.hashtagPublic(name, WindowReports.Period.parse(from, to), perMedia);
  }

  /** Likes and comments gained by media of other accounts that tag or mention the account. */
  public ObjectNode earned(String account, String from, String to) {
    return window.earned(account, WindowReports.Period.parse(from, to));
  }

  /** Media the account posted in [from, to), and media tagging it created then. */
  public ObjectNode mediaCreated(String account, String from, String to) {
    return window.created(account, WindowReports.Period.parse(from, to));
  }

  public ObjectNode stats() {
    return stats.toJson();
  }

  /**
   * {@code {"kind":"error_500","endpoint":"media_insights","rate":0.2}} or with {@code "count":3};
   * {@code {"kind":"revoke_token","token":"..."}} revokes at once; {@code
   * {"kind":"graph_error","code":190,"subcode":464,"count":1}} answers that error.
   */
  public ObjectNode addFault(JsonNode body) {
    FaultKind kind;
    try {
      kind = FaultKind.fromLabel(body.path("kind").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown fault kind: " + body.path("kind").asText(""), e);
    }
    if (kind == FaultKind.REVOKE_TOKEN && (body.has("token") || body.has("account"))) {
      String token =
          body.has("token")
              ? body.get("token").asText()
              : accountToken(body.get("account").asText());
      if (!tokens.revoke(token)) {
        throw new IllegalArgumentException("unknown token");
      }
      return Json.object().put("revoked", true);
    }
    Endpoint endpoint = null;
    if (body.hasNonNull("endpoint") && !body.get("endpoint").asText().equals("*")) {
      endpoint = Endpoint.fromLabel(body.get("endpoint").asText());
      if (endpoint == null) {
        throw new IllegalArgumentException("unknown endpoint: " + body.get("endpoint").asText());
      }
    }
    FaultRule rule =
        faults.add(
            kind,
            endpoint,
            body.path("rate").asDouble(0),
            body.path("count").asInt(0),
            body.path("delay_ms").asLong(kind == FaultKind.SLOW_BODY ? 50 : 200),
            body.path("code").asInt(0),
            body.hasNonNull("subcode") ? body.get("subcode").asInt() : null);
    return faultJson(rule);
  }

  public ObjectNode listFaults() {
    ObjectNode node = Json.object();
    ArrayNode data = node.putArray("data");
    for (FaultRule rule : faults.list()) {
      data.add(faultJson(rule));
    }
    return node;
  }

  public ObjectNode clearFaults() {
    faults.clear();
    return listFaults();
  }

  private String accountToken(String username) {
    int index = world.accountByUsername(username);
    if (index < 0) {
      throw new IllegalArgumentException("unknown account: " + username);
    }
    return world.account(index).token();
  }

  private static ObjectNode faultJson(FaultRule rule) {
    ObjectNode node = Json.object();
    node.put("id", rule.id());
    node.put("kind", rule.kind().label());
    node.put("endpoint", rule.endpoint() == null ? "*" : rule.endpoint().label());
    node.put("rate", rule.rate());
    node.put("count", rule.count());
    node.put("delay_ms", rule.delayMs());
    if (rule.kind() == FaultKind.GRAPH_ERROR) {
      node.put("code", rule.code());
      if (rule.subcode() != null) {
        node.put("subcode", rule.subcode());
      }
    }
    return node;
  }
}
