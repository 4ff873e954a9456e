package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.auth.TokenInfo;
import io.igpulse.simulator.api.limits.RateLimiter;
import io.igpulse.simulator.clock.SimClock;
import io.igpulse.simulator.world.Mix;
import io.igpulse.simulator.world.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulated Graph API, transport-free: a call in, an exact response out. It resolves the
 * version, authenticates, charges the right budget, answers, and renders errors in the envelope;
 * every response carries the usage headers. The HTTP adapter and the batch endpoint both call it.
 */
public final class GraphApi {

  public static final String CONTENT_TYPE = "application/json; charset=UTF-8";
  private static final String TRACE_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final World world;
  private final SimClock clock;
  private final ApiSettings settings;
  private final TokenRegistry tokens;
  private final RateLimiter limiter;
  private final CallStats stats;
  private final Router router;
  private final Batch batch;
  private final MultiIdRead multiIdRead;
  private final AtomicLong sequence = new AtomicLong();

  public GraphApi(
      World world,
      SimClock clock,
      ApiSettings settings,
      TokenRegistry tokens,
      CallStats stats,
      Supplier<String> baseUrl) {
    this.world = world;
    this.clock = clock;
    this.settings = settings;
    this.tokens = tokens;
    this.limiter = new RateLimiter(world, settings.limits());
    this.stats = stats;
    Links links = new Links(baseUrl);
    MediaInsights insights = new MediaInsights(world, settings.insights());
    MediaRenderer renderer = new MediaRenderer(world, insights);
    this.router =
        new Router(
            world,
            new Handlers(
                new AccountEndpoints(world, renderer, links),
                new MediaListing(world, renderer, links),
                new MediaEndpoints(renderer, insights),
                new HashtagEndpoints(world, renderer, links, new HashtagQuota()),
                new AccountInsights(world, links),
                tokens));
    this.batch = new Batch(this);
    this.multiIdRead = new MultiIdRead(this);
  }

  public ApiSettings settings() {
    return settings;
  }

  /**
   * Answers one call.
   *
   * @param rawPath the path as requested, with or without a version prefix
   */
  public GraphResponse handle(
      String method, String rawPath, Map<String, String> params, String bearer) {
    long seq = sequence.incrementAndGet();
    long now = clock.nowEpochSecond();
    Endpoint endpoint = Endpoint.UNKNOWN;
    int account = -1;
    boolean counted = false;
    try {
      int slash = rawPath.indexOf('/', 1);
      String first = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
      ApiVersion version = ApiVersion.parse(first);
      String path = rawPath;
      if (version != null) {
        path = slash < 0 ? "/" : rawPath.substring(slash);
        version = served(version, rawPath);
      } else {
        version = settings.fallback();
      }
      GraphRequest request = new GraphRequest(method, path, version, params, bearer);
      if (method.equals("POST") && path.equals("/")) {
        endpoint = Endpoint.BATCH;
        TokenInfo token = tokens.authenticate(request.token(), params.get("appsecret_proof"), now);
        stats.call(endpoint, token.label());
        counted = true;
        return ok(batch.answer(request), now, -1, endpoint, version);
      }
      if (method.equals("GET") && path.equals("/") && params.containsKey("ids")) {
        endpoint = Endpoint.IDS;
        counted = true;
        if (settings.insights().newApp() && params.get("ids").contains(",")) {
          // Apps created since v27 (2026-11-04) may not read several ids at once, on any version.
          throw GraphErrors.invalidParameter(
                  "Multi-id lookups (ids=) are not available to apps created after the v27.0"
                      + " release")
              .exception();
        }
        return multiIdRead.answer(version, params, bearer);
      }
      if (!method.equals("GET")) {
        throw GraphErrors.unknownPath(method + " " + path).exception();
      }
      Route route = router.route(path);
      endpoint = route.endpoint();
      TokenInfo token = tokens.authenticate(request.token(), params.get("appsecret_proof"), now);
      stats.call(endpoint, token.label());
      counted = true;
      Call call = new Call(request, version, token, now);
      account = route.account();
      if (route.ownedObject() != null && !MediaAccess.mayRead(token, account)) {
        throw GraphErrors.nonOwnerRead(route.ownedObject());
      }
      int throttle =
          switch (route.charge()) {
            case BUC -> limiter.chargeBuc(account, now);
            case PLATFORM -> limiter.chargePlatform(token, now);
            case HASHTAG -> 0;
          };
      if (route.charge() == Route.Charge.HASHTAG) {
        throttle = limiter.chargeHashtag(hashtagUser(call), token, now);
      }
      if (throttle != 0) {
        stats.throttle(throttle);
        throw GraphErrors.throttled(throttle).exception();
      }
      return ok(route.handler().apply(call), now, account, endpoint, version);
    } catch (GraphException e) {
      GraphError error = e.error();
      if (!counted) {
        stats.call(endpoint, null);
      }
      if (e.isNonOwnerRead()) {
        stats.nonOwnerRead(endpoint);
      }
      stats.error(error.code(), error.subcode());
      return new GraphResponse(
          error.httpStatus(),
          headers(now, account, settings.fallback()),
          Json.bytes(ErrorEnvelope.of(error, fbtrace(seq))),
          endpoint);
    }
  }

  /** Which endpoint a call would reach, for fault rules; UNKNOWN when it would fail routing. */
  public Endpoint classify(String method, String rawPath) {
    try {
      int slash = rawPath.indexOf('/', 1);
      String first = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
      String path =
          ApiVersion.parse(first) == null ? rawPath : (slash < 0 ? "/" : rawPath.substring(slash));
      if (method.equals("POST") && path.equals("/")) {
        return Endpoint.BATCH;
      }
      return router.route(path).endpoint();
    } catch (GraphException e) {
      return Endpoint.UNKNOWN;
    }
  }

  /** The response for an error injected from outside (faults), with the usual headers. */
  public GraphResponse injected(GraphError error, Endpoint endpoint) {
    String fbtrace = fbtrace(sequence.incrementAndGet());
    return new GraphResponse(
        error.httpStatus(),
        headers(clock.nowEpochSecond(), -1, settings.fallback()),
        Json.bytes(ErrorEnvelope.of(error, fbtrace)),
        endpoint);
  }

  private int hashtagUser(Call call) {
    return HashtagEndpoints.userParam(world, call);
  }

  private ApiVersion served(ApiVersion requested, String rawPath) {
    if (requested.compareTo(settings.newest()) > 0) {
      throw GraphErrors.unknownPath(rawPath).exception();
    }
    if (requested.compareTo(settings.oldest()) < 0) {
      if (!settings.insights().retiredVersionFallback()) {
        throw GraphErrors.unknownPath(rawPath).exception();
      }
      return settings.oldest();
    }
    return requested;
  }

  private GraphResponse ok(
      JsonNode body, long now, int account, Endpoint endpoint, ApiVersion version) {
    return new GraphResponse(200, headers(now, account, version), Json.bytes(body), endpoint);
  }

  private Map<String, String> headers(long now, int account, ApiVersion version) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("facebook-api-version", version.toString());
    headers.put("X-App-Usage", UsageHeaders.appUsage(limiter.appUsage(now)));
    headers.put(
        "X-Business-Use-Case-Usage",
        account < 0
            ? UsageHeaders.noBusinessUseCase()
            : UsageHeaders.businessUseCase(
                world.account(account).businessId(), limiter.bucUsage(account, now)));
    return headers;
  }

  private String fbtrace(long seq) {
    long h = Mix.hash(world.spec().seed(), seq, 77);
    char[] id = new char[16];
    for (int i = 0; i < id.length; i++) {
      id[i] = TRACE_ALPHABET.charAt(Mix.below(Mix.hash(h, i), TRACE_ALPHABET.length()));
    }
    return new String(id);
  }
}
