package io.igpulse.graphapi.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way services load tokens: the variables, then the secrets file, all redacted. */
class ReferencedTokensTest {

  @TempDir Path dir;

  @Test
  void shouldTakeAVariableBeforeTheFileAndTheFileForTheRest() throws IOException {
    Path file = dir.resolve("tokens.properties");
    Files.writeString(file, "brand=EAAfromfile111\nshop = EAAfromfile222\n");
    TokenRedactor redactor = new TokenRedactor();

    ReferencedTokens tokens =
        ReferencedTokens.load(
            Map.of("IGPULSE_TOKEN_brand", "EAAfromenv333", "PATH", "/bin"),
            Optional.of(file.toString()),
            redactor);

    assertThat(tokens.tokenFor("brand").orElseThrow().value()).isEqualTo("EAAfromenv333");
    assertThat(tokens.tokenFor("shop").orElseThrow().value()).isEqualTo("EAAfromfile222");
    assertThat(tokens.tokenFor("nobody")).isEmpty();
    assertThat(redactor.redact("token EAAfromfile222 and EAAfromenv333"))
        .doesNotContain("EAAfromfile222")
        .doesNotContain("EAAfromenv333");
  }

  @Test
  void shouldFailToLoadANamedFileThatCannotBeRead() {
    assertThatThrownBy(
            () ->
                ReferencedTokens.load(
                    Map.of(),
                    Optional.of(dir.resolve("missing.properties").toString()),
                    new TokenRedactor()))
        .isInstanceOf(IOException.class);
  }
}
