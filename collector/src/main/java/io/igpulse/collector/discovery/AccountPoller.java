package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.runtime.clock.ServiceClock;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one followed account: each source on its own timer, on the collector's event loop. Each
 * poll claims what it found in the seen state, hands it to the emitter, and schedules its next turn
 * by {@link FailureReaction}. A failed token stops every source of the account ("failing") until
 * the account is registered again.
 */
public final class AccountPoller {

  private static final Logger LOG = LoggerFactory.getLogger(AccountPoller.class);

  /** Tries of one webhook notification whose read or emit failed for a transient reason. */
  static final int WEBHOOK_ATTEMPTS = 3;

  /** Where a poller stands. */
  public enum State {
    RUNNING,
    FAILING,
    STOPPED
  }

  /** Writes claimed discoveries of one account; completes with the number written. */
  @FunctionalInterface
  public interface Sink {
    Future<Integer> emit(Context context, String account, int partition, List<Discovery> items);
  }

  private final Vertx vertx;
  private final Context context;
  private final String account;
  private final int partition;
  private final AccountSources sources;
  private final Schedule schedule;
  private final SeenState seen;
  private final Sink sink;
  private final FailureReaction reaction;
  private final TaskErrors errors;
  // Intervals and backoffs are durations of the service's clock (simulated time in a simulated
  // run).
  private final ServiceClock clock;
  private final List<PollTask> tasks = new ArrayList<>();
  private final Map<String, Long> timers = new ConcurrentHashMap<>();
  private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
  private volatile State state = State.RUNNING;
  private volatile String failingWhy;

  /** Counts refused polls by task and error kind. */
  @FunctionalInterface
  public interface TaskErrors {
    void record(String task, String kind);
  }

  AccountPoller(
      Vertx vertx,
      Context context,
      String account,
      int partition,
      AccountSources sources,
      Schedule schedule,
      SeenState seen,
      Sink sink,
      TaskErrors errors,
      boolean trackHashtags,
      ServiceClock clock) {
    this.vertx = vertx;
    this.context = context;
    this.account = account;
    this.partition = partition;
    this.sources = sources;
    this.schedule = schedule;
    this.seen = seen;
    this.sink = sink;
    this.reaction = new FailureReaction(schedule.backoffBase(), schedule.backoffMax());
    this.errors = errors;
    this.clock = clock;
    Duration soon = Duration.ZERO;
    tasks.add(new PollTask("owned", schedule.owned(), soon, sources::ownedIncremental));
    tasks.add(
        new PollTask("sweep", schedule.fullSweep(), schedule.fullSweep(), sources::ownedFull));
    tasks.add(new PollTask("stories", schedule.stories(), soon, sources::stories));
    tasks.add(new PollTask("tags", schedule.tags(), soon, sources::tagged));
    if (trackHashtags) {
      tasks.add(new PollTask("hashtags", schedule.hashtags(), soon, sources::hashtags));
    }
  }

  public int partition() {
    return partition;
  }

  public State state() {
    return state;
  }

  public String failingWhy() {
    return failingWhy;
  }

  /** Starts every source, spread over a short moment so that many accounts do not start at once. */
  void start() {
    for (PollTask task : tasks) {
      long spread =
          ThreadLocalRandom.current().nextLong(Math.min(500, task.interval().toMillis()) + 1);
      schedule(task, task.firstDelay().plusMillis(spread));
    }
  }

  /** Stops every source; a poll in flight finishes but schedules nothing and emits nothing new. */
  void stop() {
    if (state == State.RUNNING) {
      state = State.STOPPED;
    }
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
  }

  /**
   * A webhook for this account: mentions lead to discovery, as do comments on unknown media.
   * Completes, never failing, with true once the notification was acted on or given up, or with
   * false when this poller stopped first (replaced by a new registration, or revoked): the caller
   * hands it to the account's current poller, if any. A read refused for a transient reason
   * (throttled, 5xx, malformed) or an emit that did not commit is tried again, up to {@link
   * #WEBHOOK_ATTEMPTS} times, since no poll finds a mention otherwise.
   */
  Future<Boolean> onWebhook(String field, String mediaId) {
    Promise<Boolean> handled = Promise.promise();
    webhookAttempt(field, mediaId, 1, handled);
    return handled.future();
  }

  private void webhookAttempt(String field, String mediaId, int attempt, Promise<Boolean> handled) {
    if (state != State.RUNNING) {
      handled.tryComplete(false);
      return;
    }
    if (mediaId == null || mediaId.isEmpty()) {
      handled.tryComplete(true);
      return;
    }
    Future<TaskResult> read;
    try {
      read =
          switch (field) {
            case "mentions" -> sources.mentioned(mediaId);
            case "comments" -> sources.ownMedia(mediaId, DiscoverySource.OWNED);
            case "story_insights" -> sources.ownMedia(mediaId, DiscoverySource.STORY);
            default -> Future.succeededFuture(TaskResult.of(List.of()));
          };
    } catch (RuntimeException e) {
      // The media id comes from outside: a call it cannot even be built for is given up, logged.
      LOG.warn("Webhook {} of account {} not handled: {}", field, account, e.toString());
      handled.tryComplete(true);
      return;
    }
    read.compose(r -> handle("webhook:" + field, r).map(r))
        .onComplete(
            done -> {
              if (state != State.RUNNING) {
                // Stopped meanwhile: what it found was released, not emitted (or emitted before
                // the stop, and then the next poller's read finds it seen).
                handled.tryComplete(false);
                return;
              }
              boolean actedOn = done.succeeded() && done.result().error() == null;
              Duration retry = actedOn ? null : webhookRetry(done, attempt, field);
              if (retry == null) {
                handled.tryComplete(true);
                return;
              }
              vertx.setTimer(
                  clock.realDelay(retry).toMillis(),
                  t ->
                      context.runOnContext(
                          v -> webhookAttempt(field, mediaId, attempt + 1, handled)));
            });
  }

  /** When to try again a webhook whose read or emit failed; null when it is given up (logged). */
  private Duration webhookRetry(AsyncResult<TaskResult> done, int attempt, String field) {
    Duration delay;
    String why;
    if (done.failed()) {
      delay = schedule.backoffBase();
      why = "not emitted: " + done.cause();
    } else {
      GraphError error = done.result().error();
      FailureReaction.Reaction next = reaction.react(error, attempt, Duration.ZERO);
      delay = next.kind() == FailureReaction.Kind.BACK_OFF ? next.delay() : null;
      why = error.describe();
    }
    // A long Retry-After gives up rather than hold the webhook partition's position for hours.
    if (delay == null
        || attempt >= WEBHOOK_ATTEMPTS
        || delay.compareTo(schedule.backoffMax()) > 0) {
      LOG.warn(
          "Webhook {} of account {} not handled after {} attempt(s): {}",
          field,
          account,
          attempt,
          why);
      return null;
    }
    return delay;
  }

  private void schedule(PollTask task, Duration delay) {
    if (state != State.RUNNING) {
      return;
    }
    armUntil(task, clock.clock().instant().plus(delay));
  }

  /**
   * Runs {@code task} once the service's clock reaches {@code due}. A timer's real delay is only a
   * guess when the clock is simulated (its speed can change, or it can stand still and be moved by
   * hand), so each timer checks the clock again and re-arms until the time has come.
   */
  private void armUntil(PollTask task, Instant due) {
    Duration left = Duration.between(clock.clock().instant(), due);
    long id =
        vertx.setTimer(
            clock.realDelay(left).toMillis(),
            t ->
                context.runOnContext(
                    v -> {
                      if (state != State.RUNNING) {
                        return;
                      }
                      if (clock.clock().instant().isBefore(due)) {
                        armUntil(task, due);
                      } else {
                        run(task);
                      }
                    }));
    timers.put(task.name(), id);
  }

  private void run(PollTask task) {
    if (state != State.RUNNING) {
      return;
    }
    Future<TaskResult> poll;
    try {
      poll = task.run().get();
    } catch (RuntimeException e) {
      poll = Future.failedFuture(e);
    }
    poll.compose(r -> handle(task.name(), r).map(r))
        .onComplete(
            done -> {
              if (done.failed()) {
                // The emit transaction did not commit: what it held is found again soon.
                LOG.debug(
                    "Poll {} of account {} not emitted: {}",
                    task.name(),
                    account,
                    done.cause().toString());
                schedule(task, min(task.interval(), schedule.backoffBase()));
                return;
              }
              TaskResult r = done.result();
              if (r.error() == null) {
                failuresInARow.remove(task.name());
                schedule(task, task.interval());
                return;
              }
              int n = failuresInARow.merge(task.name(), 1, Integer::sum);
              FailureReaction.Reaction next = reaction.react(r.error(), n, task.interval());
              errors.record(task.name(), r.error().getClass().getSimpleName());
              switch (next.kind()) {
                case FAIL_ACCOUNT -> fail(r.error().describe());
                case BACK_OFF -> {
                  LOG.info(
                      "Account {} {}: {}; next try in {}",
                      account,
                      task.name(),
                      r.error().describe(),
                      next.delay());
                  schedule(task, next.delay());
                }
                case PAUSE_ACCOUNT -> {
                  LOG.warn(
                      "Account {} {} refused for the account ({}); next try in {}",
                      account,
                      task.name(),
                      r.error().describe(),
                      next.delay());
                  schedule(task, next.delay());
                }
                case NEXT_TURN -> {
                  LOG.warn("Account {} {}: {}", account, task.name(), r.error().describe());
                  schedule(task, next.delay());
                }
              }
            });
  }

  /** Claims the new ones and emits them; the future fails only when the emit did not commit. */
  private Future<Integer> handle(String task, TaskResult result) {
    List<Discovery> claimed = new ArrayList<>();
    for (Discovery d : result.found()) {
      if (seen.claim(d.key())) {
        claimed.add(d);
      }
    }
    if (claimed.isEmpty() || state != State.RUNNING) {
      seen.release(claimed.stream().map(Discovery::key).toList());
      return Future.succeededFuture(0);
    }
    return sink.emit(context, account, partition, claimed);
  }

  /** Stops the account after its token failed; logged with the account id, never the token. */
  void fail(String why) {
    if (state != State.RUNNING) {
      return;
    }
    state = State.FAILING;
    failingWhy = why;
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    LOG.warn(
        "Account {} is failing ({}); its polls stop until it is registered again", account, why);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
