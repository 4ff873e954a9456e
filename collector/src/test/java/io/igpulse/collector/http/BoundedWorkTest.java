package io.igpulse.collector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedWorkTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldRunTasksSideBySideQueueTheNextAndRefuseBeyondTheQueue() throws Exception {
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    BoundedWork work = new BoundedWork(vertx, "test", 2, 1, refused::incrementAndGet);
    List<Future<String>> admitted = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      int n = i;
      admitted.add(
          work.submit(
                  () -> {
                    running.incrementAndGet();
                    release.await(10, TimeUnit.SECONDS);
                    return "done-" + n;
                  })
              .orElseThrow());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
    Optional<Future<String>> beyond = work.submit(() -> "never");
    boolean fullWhileBlocked = work.full();
    int inProgressWhileBlocked = work.inProgress();
    release.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : admitted) {
      results.add(f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> work.inProgress() == 0);
    Optional<Future<String>> afterwards = work.submit(() -> "again");

    assertThat(beyond).isEmpty();
    assertThat(refused.get()).isEqualTo(1);
    assertThat(fullWhileBlocked).isTrue();
    assertThat(inProgressWhileBlocked).isEqualTo(3);
    assertThat(running.get()).isEqualTo(3);
    assertThat(results).containsExactly("done-0", "done-1", "done-2");
    assertThat(
            afterwards
                .orElseThrow()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS))
        .isEqualTo("again");
  }

  @Test
  void shouldFreeTheirPlaceWhenAdmittedWorkFails() throws Exception {
    BoundedWork work = new BoundedWork(vertx, "failing", 1, 0, () -> {});

    Future<String> failed =
        work.<String>admit(() -> Future.failedFuture(new IllegalStateException("boom")))
            .orElseThrow();
    await().atMost(Duration.ofSeconds(5)).until(() -> work.inProgress() == 0);

    assertThat(failed.failed()).isTrue();
    assertThat(work.submit(() -> 1)).isPresent();
  }
}
