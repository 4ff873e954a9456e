package io.igpulse.collector.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.collector.config.CollectorConfig;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CollectorServiceTest {

  @Test
  void shouldRefuseToStartBeforeConnectingAnywhereWhenTheAdminTokenIsBlank() throws Exception {
    // Port 1 on loopback: had the service tried Kafka first, the start would time out instead.
    Map<String, String> env =
        Map.of(
            "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
            "IGPULSE_REGISTRY_URL", "http://127.0.0.1:1",
            "IGPULSE_COLLECTOR_ADMIN_TOKEN", " ");
    CollectorService service = new CollectorService(CollectorConfig.fromEnv(env), env);
    Throwable failure;
    try {
      failure =
          service
              .start()
              .toCompletionStage()
              .toCompletableFuture()
              .handle((ok, e) -> e)
              .get(5, TimeUnit.SECONDS);
    } finally {
      service.close();
    }

    assertThat(failure instanceof ExecutionException ? failure.getCause() : failure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("IGPULSE_COLLECTOR_ADMIN_TOKEN is missing or blank");
  }
}
