package io.igpulse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryArgsTest {

  @Test
  void defaultsToLoopbackPort8080InMemory() {
    assertThat(RegistryArgs.parse())
        .isEqualTo(new RegistryArgs("127.0.0.1", 8080, Optional.empty()));
  }

  @Test
  void readsHostPortAndDataDir() {
    assertThat(RegistryArgs.parse("--host", "0.0.0.0", "--port", "0", "--data-dir", "/var/reg"))
        .isEqualTo(new RegistryArgs("0.0.0.0", 0, Optional.of(Path.of("/var/reg"))));
  }

  @Test
  void refusesUnknownArgumentsAndBadPortsClearly() {
    assertThatThrownBy(() -> RegistryArgs.parse("--dir", "x"))
        .hasMessage("unknown argument: --dir (expected --host, --port, --data-dir)");
    assertThatThrownBy(() -> RegistryArgs.parse("--port", "70000"))
        .hasMessage("--port must be 0..65535, got 70000");
    assertThatThrownBy(() -> RegistryArgs.parse("--data-dir"))
        .hasMessage("--data-dir needs a value");
  }
}
