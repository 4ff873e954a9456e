package io.igpulse.collector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void shouldAdmitUpToTheCapacityAndAgainOnceAPlaceIsLeft() {
    Admission admission = new Admission(3);

    boolean first = admission.tryEnter();
    boolean second = admission.tryEnter();
    boolean third = admission.tryEnter();
    boolean fourth = admission.tryEnter();
    int whenFull = admission.inProgress();
    admission.leave();
    boolean afterLeave = admission.tryEnter();

    assertThat(new boolean[] {first, second, third}).containsOnly(true);
    assertThat(fourth).isFalse();
    assertThat(whenFull).isEqualTo(3);
    assertThat(afterLeave).isTrue();
    assertThat(admission.inProgress()).isEqualTo(3);
  }

  @Test
  void shouldRefuseACapacityBelowOne() {
    assertThatThrownBy(() -> new Admission(0)).hasMessage("capacity must be >= 1: 0");
  }
}
