package io.igpulse.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatorJarIT {

  @Test
  void shouldStartFromTheRunnableJarAndPrintTheReadyLine() throws Exception {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
              .findFirst()
              .orElseThrow();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path scenario = Files.createTempFile("scenario", ".json");
    Files.writeString(
        scenario,
        "{\"bursts\":[{\"hashtag\":\"travel\",\"at\":\"+PT1H\",\"duration\":\"PT1H\",\"multiplier\":5}]}");
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--seed",
                "42",
                "--accounts",
                "50",
                "--speed",
                "60",
                "--scenario",
                scenario.toString())
            .redirectError(new File("target/simulator-jar-it.log"))
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);

      assertThat(line).matches("simulator listening on http://127\\.0\\.0\\.1:\\d+");
      String base = line.substring("simulator listening on ".length());
      HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      JsonNode world =
          Json.parse(
              fresh
                  .send(
                      HttpRequest.newBuilder(URI.create(base + "/_sim/world"))
                          .timeout(Duration.ofSeconds(20))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      assertThat(world.get("accounts")).hasSize(50);
      assertThat(world.get("clock").get("speed").asDouble()).isEqualTo(60.0);
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(scenario);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
