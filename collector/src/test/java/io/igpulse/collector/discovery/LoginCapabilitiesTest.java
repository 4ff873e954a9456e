package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.LoginFlavour;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginCapabilitiesTest {

  @Test
  void shouldTrackNoHashtagUnderInstagramLogin() {
    assertThat(LoginCapabilities.canSearchHashtags(LoginFlavour.INSTAGRAM_LOGIN)).isFalse();
    assertThat(
            LoginCapabilities.trackableHashtags(
                LoginFlavour.INSTAGRAM_LOGIN, List.of("sunset", "coffee")))
        .isEmpty();
  }

  @Test
  void shouldTrackEveryHashtagUnderFacebookLogin() {
    assertThat(LoginCapabilities.canSearchHashtags(LoginFlavour.FACEBOOK_LOGIN)).isTrue();
    assertThat(
            LoginCapabilities.trackableHashtags(
                LoginFlavour.FACEBOOK_LOGIN, List.of("sunset", "coffee")))
        .containsExactly("sunset", "coffee");
  }
}
