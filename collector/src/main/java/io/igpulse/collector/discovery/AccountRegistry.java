package io.igpulse.collector.discovery;

import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.events.AccountRegistration;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.TokenProvider;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.runtime.log.LogSafe;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts this instance polls: those whose registration lives in an assigned partition of
 * {@code instagram.accounts}. Told by the consumer thread about registrations, revocations and
 * webhooks; starts and stops pollers on the collector's event loop.
 */
public final class AccountRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(AccountRegistry.class);
  private static final int MAX_PARKED_WEBHOOKS = 100;

  /**
   * How long a notification for an account not polled here waits, once the account's partition has
   * been read, before it is taken for one nobody follows: its registration may still be on its way
   * through another fetch.
   */
  static final Duration UNFOLLOWED_GRACE = Duration.ofSeconds(5);

  private record Entry(AccountRegistration registration, AccountPoller poller) {}

  /** A notification waiting for its account's registration to be read. */
  private record Notification(String field, String mediaId, Promise<Void> handled) {}

  private final Vertx vertx;
  private final Context context;
  private final GraphClient client;
  private final TokenProvider tokens;
  private final Schedule schedule;
  private final SeenState seen;
  private final AccountPoller.Sink sink;
  private final CollectorMetrics metrics;
  private final ServiceClock clock;
  private final Map<String, Entry> accounts = new ConcurrentHashMap<>();

  /** Accounts already told that their login cannot search hashtags: said once per account. */
  private final Set<String> toldNoHashtagSearch = ConcurrentHashMap.newKeySet();

  // Touched on the event loop only.
  private final WebhookParking<Notification> parking = new WebhookParking<>(MAX_PARKED_WEBHOOKS);

  public AccountRegistry(
      Vertx vertx,
      Context context,
      GraphClient client,
      TokenProvider tokens,
      Schedule schedule,
      SeenState seen,
      AccountPoller.Sink sink,
      CollectorMetrics metrics,
      ServiceClock clock) {
    this.vertx = vertx;
    this.context = context;
    this.client = client;
    this.tokens = tokens;
    this.schedule = schedule;
    this.seen = seen;
    this.sink = sink;
    this.metrics = metrics;
    this.clock = clock;
    metrics.gauge(
        "igpulse.collector.accounts.owned", "accounts this instance polls", accounts::size);
    metrics.gauge(
        "igpulse.collector.accounts.failing",
        "owned accounts stopped because their token failed",
        () ->
            accounts.values().stream()
                .filter(e -> e.poller().state() == AccountPoller.State.FAILING)
                .count());
    metrics.gauge(
        "igpulse.collector.seen.markers",
        "seen markers held in memory (the collector's main heap use)",
        seen::size);
  }

  /** A registration read from {@code partition}: starts, restarts or stops the account. */
  public void applyRegistration(String account, AccountRegistration registration, int partition) {
    context.runOnContext(v -> apply(account, registration, partition));
  }

  private void apply(String account, AccountRegistration registration, int partition) {
    Entry current = accounts.get(account);
    if (registration == null || !registration.getActive()) {
      if (current != null) {
        current.poller().stop();
        accounts.remove(account);
        LOG.info("Account {} deactivated: polls stopped", LogSafe.text(account));
      }
      unfollowed(parking.takeForNotFollowed(account, partition));
      return;
    }
    if (current != null
        && same(current.registration(), registration)
        && current.poller().partition() == partition
        && current.poller().state() == AccountPoller.State.RUNNING) {
      return;
    }
    if (current != null) {
      current.poller().stop();
    }
    AccountPoller poller = create(account, registration, partition);
    accounts.put(account, new Entry(registration, poller));
    Optional<AccessToken> token = tokens.tokenFor(registration.getTokenRef());
    if (token.isEmpty()) {
      poller.fail("no token configured for token_ref " + registration.getTokenRef());
      unfollowed(parking.takeForNotFollowed(account, partition));
      return;
    }
    poller.start();
    LOG.info(
        "Polling account {} ({}) from partition {}, hashtags {}",
        LogSafe.text(account),
        LogSafe.text(registration.getLabel()),
        partition,
        LogSafe.text(registration.getHashtags()));
    parking
        .takeForStarted(account)
        .forEach(n -> dispatch(account, n.field(), n.mediaId(), n.handled()));
  }

  /**
   * Every registration of the accounts partition as far as it was when assigned (or when a
   * registration had to be read again) has been applied: a notification for an account of it that
   * is not polled names an account nobody follows here, or an inactive one. After {@link
   * #UNFOLLOWED_GRACE} it is dropped instead of holding its position.
   */
  public void markCaughtUp(int partition) {
    context.runOnContext(v -> parking.markCaughtUp(partition).forEach(this::dropIfUnfollowedLater));
  }

  /** A registration of the partition is being read again: see {@link #markCaughtUp}. */
  public void markLoading(int partition) {
    context.runOnContext(v -> parking.markLoading(partition));
  }

  private void dropIfUnfollowedLater(String account) {
    vertx.setTimer(
        UNFOLLOWED_GRACE.toMillis(),
        t ->
            context.runOnContext(
                v -> unfollowed(parking.takeAfterGrace(account, accounts.containsKey(account)))));
  }

  /** Notifications for an account this instance does not follow (unknown or inactive). */
  private void unfollowed(List<Notification> notifications) {
    if (notifications.isEmpty()) {
      return;
    }
    LOG.debug("{} webhook(s) for an account that is not followed: dropped", notifications.size());
    notifications.forEach(n -> metrics.webhook("unfollowed"));
    drop(notifications);
  }

  private static void drop(List<Notification> notifications) {
    notifications.forEach(n -> n.handled().tryComplete());
  }

  private AccountPoller create(String account, AccountRegistration reg, int partition) {
    // Without a token the poller is failed before it makes any call; the placeholder is never sent.
    AccessToken token = tokens.tokenFor(reg.getTokenRef()).orElse(AccessToken.of("no-token"));
    List<String> wanted = reg.getHashtags().stream().map(Object::toString).toList();
    List<String> hashtags = LoginCapabilities.trackableHashtags(reg.getLoginFlavour(), wanted);
    if (hashtags.size() < wanted.size() && toldNoHashtagSearch.add(account)) {
      metrics.hashtagsUnavailable();
      LOG.warn(
          "Account {} is registered with Instagram Login, which has no hashtag search: its {}"
              + " hashtag(s) are not tracked (register it with Facebook Login to track them)",
          LogSafe.text(account),
          wanted.size());
    }
    AccountSources sources =
        new AccountSources(
            client,
            token,
            account,
            hashtags,
            schedule,
            seen,
            clock.clock(),
            tag -> {
              metrics.hashtagRefused();
              LOG.warn(
                  "Account {} cannot add hashtag {}: its 30 hashtag searches per 7 days are spent"
                      + " ({} left)",
                  LogSafe.text(account),
                  LogSafe.text(tag),
                  client.hashtagSearchesLeft(account));
            });
    return new AccountPoller(
        vertx,
        context,
        account,
        partition,
        sources,
        schedule,
        seen,
        sink,
        metrics::pollError,
        !hashtags.isEmpty(),
        clock);
  }

  private static boolean same(AccountRegistration a, AccountRegistration b) {
    return Objects.equals(a.getTokenRef(), b.getTokenRef())
        && Objects.equals(
            a.getHashtags().stream().map(Object::toString).toList(),
            b.getHashtags().stream().map(Object::toString).toList())
        && a.getActive() == b.getActive()
        && a.getLoginFlavour() == b.getLoginFlavour();
  }

  /**
   * Stops every account of the revoked partitions; returns them once they are stopped (called on
   * the consumer thread during a rebalance).
   */
  public List<String> revoke(Collection<Integer> partitions) {
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          List<String> stopped = new ArrayList<>();
          accounts.forEach(
              (account, entry) -> {
                if (partitions.contains(entry.poller().partition())) {
                  entry.poller().stop();
                  stopped.add(account);
                }
              });
          stopped.forEach(accounts::remove);
          // Their positions go with the partitions: the next owner reads them again.
          drop(parking.revoke(partitions));
          done.complete(stopped);
        });
    try {
      List<String> stopped = done.get(30, TimeUnit.SECONDS);
      if (!stopped.isEmpty()) {
        LOG.info("Stopped {} account(s) of revoked partitions {}", stopped.size(), partitions);
      }
      return stopped;
    } catch (Exception e) {
      throw new IllegalStateException("could not stop revoked accounts", e);
    }
  }

  /**
   * A webhook routed to this instance (it owns the account's partition, {@code partition}).
   * Completes, never failing, once it was acted on or dropped. One for an account whose
   * registration is still being read waits for it (up to {@value #MAX_PARKED_WEBHOOKS} per
   * account), so that its position is not committed before it was acted on.
   */
  public Future<Void> handleWebhook(String account, String field, String mediaId, int partition) {
    Promise<Void> handled = Promise.promise();
    context.runOnContext(
        v -> {
          if (accounts.containsKey(account)) {
            dispatch(account, field, mediaId, handled);
            return;
          }
          switch (parking.park(account, partition, new Notification(field, mediaId, handled))) {
            case WAITING -> {}
            case WAITING_START_GRACE -> dropIfUnfollowedLater(account);
            case OVERFLOW -> {
              LOG.warn(
                  "Webhook {} for account {} dropped: too many wait for it",
                  LogSafe.text(field),
                  LogSafe.text(account));
              metrics.webhook("overflow");
              handled.complete();
            }
          }
        });
    return handled.future();
  }

  /** To the account's poller; again to its successor if that poller was replaced meanwhile. */
  private void dispatch(String account, String field, String mediaId, Promise<Void> handled) {
    Entry entry = accounts.get(account);
    if (entry == null) {
      handled.tryComplete();
      return;
    }
    entry
        .poller()
        .onWebhook(field, mediaId)
        .onComplete(
            done -> {
              Entry now = accounts.get(account);
              boolean replaced = now != null && now.poller() != entry.poller();
              if (Boolean.FALSE.equals(done.result()) && replaced) {
                dispatch(account, field, mediaId, handled);
              } else {
                handled.tryComplete();
              }
            });
  }

  /** Whether this instance polls the account now (checked before each emit transaction). */
  public boolean owns(String account) {
    Entry entry = accounts.get(account);
    return entry != null && entry.poller().state() == AccountPoller.State.RUNNING;
  }

  /** Each owned account and its state, for the admin API. */
  public Map<String, Map<String, Object>> status() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    accounts.forEach(
        (account, entry) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("label", entry.registration().getLabel());
          s.put("partition", entry.poller().partition());
          s.put("state", entry.poller().state().name());
          s.put(
              "hashtags",
              entry.registration().getHashtags().stream().map(Object::toString).toList());
          s.put("seen", seen.count(account));
          if (entry.poller().failingWhy() != null) {
            s.put("failing", entry.poller().failingWhy());
          }
          out.put(account, s);
        });
    return out;
  }

  /** Stops everything (shutdown). */
  public void stopAll() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          accounts.values().forEach(e -> e.poller().stop());
          accounts.clear();
          done.complete(null);
        });
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Stopping pollers: {}", e.toString());
    }
  }
}
