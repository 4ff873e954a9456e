package io.igpulse.collector.webhook;

import io.igpulse.collector.http.BoundedWork;
import io.igpulse.collector.kafka.CollectorTopics;
import io.igpulse.collector.kafka.WebhookValue;
import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.runtime.log.LogRateLimit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /webhooks/instagram} answers Meta's subscription check ({@code hub.challenge}); {@code
 * POST /webhooks/instagram} accepts notifications only with a valid {@code X-Hub-Signature-256}:
 * unsigned → 401, forged → 403, counted, and nothing else happens. Accepted notifications are
 * written to the webhook topic keyed by account, so the instance that owns the account acts on them
 * whichever instance Meta called; 200 only once Kafka has them. The sends wait on a bounded pool
 * ({@link BoundedWork}): with every place taken, 503 and {@code Retry-After}, and Meta retries.
 */
public final class WebhookRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
  public static final String PATH = "/webhooks/instagram";

  /** The {@code route} label of this route's work meters. */
  public static final String ROUTE = "webhooks";

  private static final int MAX_BODY = 1 << 20;
  private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofMinutes(1);

  private final BoundedWork work;
  private final Optional<WebhookSignature> signature;
  private final Optional<String> verifyToken;
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final int partitions;
  private final CollectorMetrics metrics;

  /** One per refusal reason (a fixed set: no_app_secret, unsigned, forged, malformed). */
  private final Map<String, LogRateLimit> refusalLogs = new ConcurrentHashMap<>();

  public WebhookRoutes(
      BoundedWork work,
      Optional<String> appSecret,
      Optional<String> verifyToken,
      Producer<String, byte[]> producer,
      String topic,
      int partitions,
      CollectorMetrics metrics) {
    this.work = work;
    this.signature = appSecret.map(WebhookSignature::new);
    this.verifyToken = verifyToken;
    this.producer = producer;
    this.topic = topic;
    this.partitions = partitions;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get(PATH).handler(this::verify);
    // Its own route, ahead of the body's: refused before up to 1 MiB of body is read for nothing.
    router.post(PATH).handler(this::refuseWhenFull);
    router
        .post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
        .handler(this::receive);
  }

  private void refuseWhenFull(RoutingContext ctx) {
    if (work.full()) {
      metrics.httpRefused(ROUTE);
      metrics.webhook("busy");
      BoundedWork.busy(ctx);
      return;
    }
    ctx.next();
  }

  private void verify(RoutingContext ctx) {
    String mode = ctx.request().getParam("hub.mode");
    String token = ctx.request().getParam("hub.verify_token");
    String challenge = ctx.request().getParam("hub.challenge");
    boolean ok =
        "subscribe".equals(mode)
            && challenge != null
            && token != null
            && verifyToken
                .map(
                    expected ->
                        MessageDigest.isEqual(
                            expected.getBytes(StandardCharsets.UTF_8),
                            token.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    if (!ok) {
      metrics.webhook("verification_refused");
      ctx.response().setStatusCode(403).end();
      return;
    }
    metrics.webhook("verified");
    ctx.response().putHeader("Content-Type", "text/plain").end(challenge);
  }

  private void receive(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (signature.isEmpty()) {
      // Without the app secret nothing can be verified, so nothing is accepted.
      refuse(ctx, 403, "no_app_secret");
      return;
    }
    WebhookSignature.Verdict verdict =
        signature.get().verify(body, ctx.request().getHeader("X-Hub-Signature-256"));
    if (verdict == WebhookSignature.Verdict.MISSING) {
      refuse(ctx, 401, "unsigned");
      return;
    }
    if (verdict == WebhookSignature.Verdict.FORGED) {
      refuse(ctx, 403, "forged");
      return;
    }
    WebhookEnvelope.Parsed parsed;
    try {
      parsed = WebhookEnvelope.parse(body);
    } catch (IllegalArgumentException e) {
      refuse(ctx, 400, "malformed");
      return;
    }
    for (int i = 0; i < parsed.ignored(); i++) {
      metrics.webhook("ignored_change");
    }
    List<WebhookEnvelope.Notification> notes = parsed.notifications();
    Optional<io.vertx.core.Future<Integer>> routed = work.submit(() -> route(notes));
    if (routed.isEmpty()) {
      // Meta retries a delivery that was not answered 200.
      metrics.webhook("busy");
      BoundedWork.busy(ctx);
      return;
    }
    routed
        .get()
        .onSuccess(
            n -> {
              metrics.webhook("accepted");
              ctx.response().setStatusCode(200).end();
            })
        .onFailure(
            e -> {
              // Meta retries a notification that was not answered 200.
              LOG.warn("Webhook not routed: {}", e.toString());
              metrics.webhook("not_routed");
              ctx.response().setStatusCode(503).end();
            });
  }

  private int route(List<WebhookEnvelope.Notification> notes) throws Exception {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (WebhookEnvelope.Notification n : notes) {
      byte[] value = new WebhookValue(n.field(), n.mediaId()).encode();
      sends.add(
          producer.send(
              new ProducerRecord<>(
                  topic,
                  CollectorTopics.partitionOf(n.account(), partitions),
                  n.account(),
                  value)));
    }
    for (Future<RecordMetadata> f : sends) {
      f.get(30, TimeUnit.SECONDS);
    }
    return notes.size();
  }

  /**
   * Counts the refusal; logs at most one line per reason and minute, since anyone can post unsigned
   * or forged notifications at will: their rate is read from {@code igpulse.collector.webhooks}.
   */
  private void refuse(RoutingContext ctx, int status, String why) {
    metrics.webhook(why);
    long heldBack =
        refusalLogs.computeIfAbsent(why, w -> new LogRateLimit(REFUSAL_LOG_INTERVAL)).permit();
    if (heldBack >= 0) {
      LOG.warn(
          "Webhook refused ({}) from {}; {} more refused for this reason since the last such line",
          why,
          ctx.request().remoteAddress(),
          heldBack);
    }
    ctx.response().setStatusCode(status).end();
  }
}
