package io.igpulse.enricher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.fetch.InsightFetcher;
import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

  private static final long TICK = 10_000;
  private static final Instant CAPTURED = Instant.parse("2026-01-25T08:00:00Z");

  /** Every read the fake API was sent, one list per send. */
  private final List<List<String>> sends = new ArrayList<>();

  private final SharedReads reads = new SharedReads(this::answer, TICK, 50);

  @Test
  void shouldSendWhatEveryTaskAskedInThePreviousPassTogether() {
    // Pass 1 (t = 5 ticks): two tasks ask; nothing is half a tick old yet.
    askAll("0_0", "a", 30, 5 * TICK);
    assertThat(reads.sendHeld(5 * TICK)).isZero();
    askAll("0_1", "b", 15, 5 * TICK + 3);
    assertThat(reads.sendHeld(5 * TICK + 3)).isZero();
    // Pass 2: the first round sends both tasks' reads in one go; its own new ask waits.
    askAll("0_0", "c", 5, 6 * TICK + 1);
    assertThat(reads.sendHeld(6 * TICK + 1)).isEqualTo(45);
    assertThat(reads.sendHeld(6 * TICK + 4)).isZero();
    assertThat(reads.sendHeld(7 * TICK)).isEqualTo(5);

    assertThat(sends).hasSize(2);
    assertThat(sends.get(0)).hasSize(45).startsWith("a-0").endsWith("b-14");
    List<SharedReads.Read> first = reads.take("0_0");
    assertThat(first).extracting(r -> r.asked().mediaId()).hasSize(35).startsWith("a-0");
    assertThat(first.get(0).result().value().values()).isEqualTo(Map.of("reach", 1L));
    assertThat(first.get(0).capturedAt()).isEqualTo(CAPTURED);
    assertThat(reads.take("0_1")).extracting(r -> r.asked().mediaId()).hasSize(15);
    assertThat(reads.take("0_0")).isEmpty();
  }

  @Test
  void shouldKeepAMediaInFlightFromAskedUntilTakenAndAskForItOnce() {
    askAll("0_0", "a", 1, 0);
    askAll("0_0", "a", 1, 0);
    assertThat(reads.waiting()).isEqualTo(1);
    assertThat(reads.inFlight("0_0", StoreNames.scheduleKey("acct-a", "a-0"))).isTrue();
    assertThat(reads.inFlight("0_1", StoreNames.scheduleKey("acct-a", "a-0"))).isFalse();
    reads.sendHeld(TICK);
    assertThat(reads.inFlight("0_0", StoreNames.scheduleKey("acct-a", "a-0"))).isTrue();
    reads.take("0_0");
    assertThat(reads.inFlight("0_0", StoreNames.scheduleKey("acct-a", "a-0"))).isFalse();
  }

  @Test
  void shouldSendAtMostThePerSendMaximumFirstAskedFirst() {
    askAll("0_0", "a", 120, 0);
    assertThat(reads.sendHeld(TICK)).isEqualTo(50);
    assertThat(reads.sendHeld(TICK)).isEqualTo(50);
    assertThat(reads.sendHeld(2 * TICK)).isEqualTo(20);
    assertThat(sends.get(0).get(0)).isEqualTo("a-0");
    assertThat(sends.get(2).get(19)).isEqualTo("a-119");
  }

  @Test
  void shouldForgetATaskThatMovesAwayWithItsAnswersAndItsWaitingReads() {
    askAll("0_0", "a", 3, 0);
    reads.sendHeld(TICK);
    askAll("0_0", "b", 2, TICK);
    askAll("0_1", "c", 2, TICK);
    reads.forget("0_0");
    assertThat(reads.take("0_0")).isEmpty();
    assertThat(reads.waiting()).isEqualTo(2);
    assertThat(reads.inFlight("0_0", StoreNames.scheduleKey("acct-b", "b-0"))).isFalse();
    reads.sendHeld(2 * TICK);
    assertThat(sends.get(1)).containsExactly("c-0", "c-1");
  }

  private void askAll(String task, String prefix, int n, long wallMs) {
    for (int i = 0; i < n; i++) {
      ScheduleEntry e = entry("acct-" + prefix, prefix + "-" + i);
      reads.ask(
          task,
          StoreNames.scheduleKey(e.account(), e.mediaId()),
          new InsightFetcher.Request(AccessToken.of("fake-" + prefix), e.account(), e),
          wallMs);
    }
  }

  private InsightFetcher.Answer answer(List<InsightFetcher.Request> requests) {
    sends.add(requests.stream().map(r -> r.entry().mediaId()).toList());
    List<GraphResult<MediaInsights>> results =
        requests.stream()
            .map(r -> GraphResult.ok(new MediaInsights(r.entry().mediaId(), Map.of("reach", 1L))))
            .toList();
    return new InsightFetcher.Answer(results, CAPTURED);
  }

  private static ScheduleEntry entry(String account, String mediaId) {
    return ScheduleEntry.fresh(
        account,
        mediaId,
        account,
        "IMAGE",
        "FEED",
        0,
        null,
        List.of(),
        Set.of("OWNED"),
        MediaState.ACTIVE,
        0);
  }
}
