package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.collector.discovery.FailureReaction.Kind;
import io.igpulse.graphapi.outcome.GraphError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureReactionTest {

  private final FailureReaction reaction =
      new FailureReaction(Duration.ofSeconds(30), Duration.ofMinutes(10));
  private final Duration interval = Duration.ofMinutes(5);

  @Test
  void shouldStopTheAccountWhenItsTokenFails() {
    assertThat(reaction.react(new GraphError.AuthFailed(190, 460, "revoked"), 1, interval).kind())
        .isEqualTo(Kind.FAIL_ACCOUNT);
  }

  @Test
  void shouldBackOffDoublingUpToTheCapOnTransientFailures() {
    GraphError e = new GraphError.Transient("HTTP 500");

    assertThat(reaction.react(e, 1, interval).delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(reaction.react(e, 2, interval).delay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(reaction.react(e, 3, interval).delay()).isEqualTo(Duration.ofSeconds(120));
    assertThat(reaction.react(e, 30, interval).delay()).isEqualTo(Duration.ofMinutes(10));
    assertThat(reaction.react(new GraphError.Malformed("half a body"), 1, interval).kind())
        .isEqualTo(Kind.BACK_OFF);
  }

  @Test
  void shouldWaitAtLeastAsLongAsTheApiAsksWhenThrottled() {
    FailureReaction.Reaction r =
        reaction.react(new GraphError.Throttled(80002, Duration.ofMinutes(7)), 1, interval);

    assertThat(r.kind()).isEqualTo(Kind.BACK_OFF);
    assertThat(r.delay()).isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void shouldPauseAnHourWhenTheApiRefusesTheAccountItself() {
    for (int code : new int[] {200, 368}) {
      FailureReaction.Reaction r =
          reaction.react(new GraphError.AccountBlocked(code, null, "refused"), 1, interval);

      assertThat(r.kind()).isEqualTo(Kind.PAUSE_ACCOUNT);
      assertThat(r.delay()).isEqualTo(Duration.ofHours(1));
    }
    assertThat(
            reaction
                .react(new GraphError.AccountBlocked(368, null, "x"), 1, Duration.ofHours(2))
                .delay())
        .as("never sooner than the task's own interval")
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldTryAgainAtTheNextTurnOnOtherRefusals() {
    FailureReaction.Reaction r =
        reaction.react(new GraphError.Rejected(100, null, "bad field"), 1, interval);

    assertThat(r.kind()).isEqualTo(Kind.NEXT_TURN);
    assertThat(r.delay()).isEqualTo(interval);
  }
}
