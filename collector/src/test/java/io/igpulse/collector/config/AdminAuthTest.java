package io.igpulse.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminAuthTest {

  @Test
  void shouldRefuseToServeTheAdminApiWithoutATokenOrWithABlankOne() {
    AdminAuth missing = AdminAuth.parse(null, null);
    AdminAuth blank = AdminAuth.parse("token", "   ");

    assertThat(missing.mode()).isEqualTo(AdminAuth.Mode.TOKEN);
    assertThat(blank.token()).isEmpty();
    assertThatThrownBy(missing::requireServable)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("IGPULSE_COLLECTOR_ADMIN_TOKEN is missing or blank")
        .hasMessageContaining("IGPULSE_COLLECTOR_ADMIN_AUTH=disabled");
    assertThatThrownBy(blank::requireServable)
        .hasMessageStartingWith("IGPULSE_COLLECTOR_ADMIN_TOKEN is missing or blank");
    assertThat(blank.permits("Bearer    ")).isFalse();
    assertThat(blank.permits("Bearer ")).isFalse();
  }

  @Test
  void shouldServeWithoutChecksOnlyWhenExplicitlyDisabled() {
    AdminAuth disabled = AdminAuth.parse("DISABLED", null);

    assertThatCode(disabled::requireServable).doesNotThrowAnyException();
    assertThat(disabled.permits(null)).isTrue();
    assertThat(disabled).hasToString("disabled");
  }

  @Test
  void shouldPermitOnlyTheExactBearerToken() {
    AdminAuth auth = AdminAuth.parse(null, "s3cret-token");

    assertThatCode(auth::requireServable).doesNotThrowAnyException();
    assertThat(auth.permits("Bearer s3cret-token")).isTrue();
    assertThat(auth.permits(null)).isFalse();
    assertThat(auth.permits("")).isFalse();
    assertThat(auth.permits("s3cret-token")).isFalse();
    assertThat(auth.permits("Bearer s3cret-toke")).isFalse();
    assertThat(auth.permits("Bearer s3cret-token2")).isFalse();
    assertThat(auth.permits("Basic s3cret-token")).isFalse();
    assertThat(auth).hasToString("token");
    assertThat(auth.toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldRejectAnUnknownMode() {
    assertThatThrownBy(() -> AdminAuth.parse("off", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IGPULSE_COLLECTOR_ADMIN_AUTH must be token or disabled");
  }
}
