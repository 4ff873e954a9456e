package io.igpulse.enricher.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.outcome.GraphError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadOutcomeTest {

  @Test
  void shouldMapEveryApiAnswerToOneReaction() {
    assertThat(ReadOutcome.of(null, 0))
        .isEqualTo(new ReadOutcome.Snapshot(UnavailableReason.NO_DATA_YET));
    assertThat(ReadOutcome.of(new GraphError.NotEnoughViewers("x"), 0))
        .isEqualTo(new ReadOutcome.Snapshot(UnavailableReason.NOT_ENOUGH_VIEWERS));
    assertThat(ReadOutcome.of(new GraphError.Throttled(80002, Duration.ofMinutes(7)), 0))
        .isEqualTo(
            new ReadOutcome.PauseAccount(
                Duration.ofMinutes(7),
                ReadOutcome.PauseCause.THROTTLED,
                "throttled: code 80002, wait PT7M"));
    assertThat(ReadOutcome.of(new GraphError.AuthFailed(190, 460, "x"), 0))
        .isInstanceOfSatisfying(
            ReadOutcome.PauseAccount.class,
            p -> assertThat(p.cause()).isEqualTo(ReadOutcome.PauseCause.AUTH_FAILED));
    // Codes 200 and 368 refuse the account: paused and tried again later, its media kept due.
    for (int code : new int[] {200, 368}) {
      assertThat(ReadOutcome.of(new GraphError.AccountBlocked(code, null, "refused"), 0))
          .isEqualTo(
              new ReadOutcome.PauseAccount(
                  Duration.ofHours(1),
                  ReadOutcome.PauseCause.BLOCKED,
                  "account blocked: code " + code + ": refused"));
    }
    assertThat(ReadOutcome.of(new GraphError.Gone("x"), 0))
        .isInstanceOfSatisfying(
            ReadOutcome.Leave.class, l -> assertThat(l.state()).isEqualTo(MediaState.GONE));
    assertThat(ReadOutcome.of(new GraphError.Skip(2108006, "x"), 0))
        .isInstanceOfSatisfying(
            ReadOutcome.Leave.class, l -> assertThat(l.state()).isEqualTo(MediaState.SKIP));
    assertThat(ReadOutcome.of(new GraphError.Rejected(100, null, "x"), 0))
        .isInstanceOfSatisfying(
            ReadOutcome.Leave.class, l -> assertThat(l.state()).isEqualTo(MediaState.REJECTED));
    assertThat(ReadOutcome.of(new GraphError.Transient("x"), 0))
        .isInstanceOfSatisfying(
            ReadOutcome.Retry.class,
            r -> assertThat(r.backoff()).isEqualTo(Duration.ofSeconds(30)));
    assertThat(ReadOutcome.of(new GraphError.Malformed("x"), 2))
        .isInstanceOfSatisfying(
            ReadOutcome.Retry.class, r -> assertThat(r.backoff()).isEqualTo(Duration.ofMinutes(2)));
  }

  @Test
  void shouldCapTheBackoffAtHalfAnHour() {
    assertThat(ReadOutcome.backoff(50)).isEqualTo(Duration.ofMinutes(30));
  }
}
