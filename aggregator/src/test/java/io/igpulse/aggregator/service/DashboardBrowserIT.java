package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.aggregator.Snapshots;
import io.igpulse.aggregator.topology.account.HourOfWeek;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AudienceKind;
import io.igpulse.events.DemographicBreakdown;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against an aggregator fed known snapshots: each view shows the
 * numbers the snapshots make, logs no JavaScript error, and is saved as a screenshot under
 * target/screenshots/.
 */
@WithInfrastructure
class DashboardBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private AggregatorHarness harness;
  private AggregatorService service;
  private ChromeDriver browser;
  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void start(KafkaCluster kafka, SchemaRegistry registry) {
    browser = HeadlessChromium.start();
    harness = new AggregatorHarness(kafka, registry);
    service = harness.start(harness.config("dashboard-it-" + id));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  /**
   * The worked example's media under #bread (360 gained in 10:00-11:00, score 3) and a second media
   * under #crust (100): #bread first, the account first by trend, its media on top, its 360 point
   * on the chart, its posting hour marked best, its audience shares, the follows its media won.
   */
  @Test
  void shouldShowEachViewsNumbersWithoutScriptErrors() {
    Instant monday = AggregatorHarness.nextBase();
    LocalDate day = LocalDate.ofInstant(monday, ZoneOffset.UTC);
    String account = "baker" + id;
    String bread = "bread" + id;
    String crust = "crust" + id;
    Instant posted = monday.plus(Duration.ofHours(7));
    long[] lifetime = {30, 90, 210, 570};
    long[] follows = {2, 5, 9, 14};
    for (int hour = 0; hour < 4; hour++) {
      harness.send(
          media(
              "m1-" + id,
              account,
              List.of(bread),
              posted,
              monday.plus(Duration.ofHours(8 + hour)),
              Map.of("engagement", lifetime[hour], "follows", follows[hour])));
    }
    Instant ten = monday.plus(Duration.ofHours(10));
    harness.send(
        media(
            "m2-" + id,
            "other" + id,
            List.of(crust),
            ten,
            ten.plus(Duration.ofMinutes(30)),
            Map.of("engagement", 100L)));
    harness.send(
        Snapshots.account(
            account, day.minusDays(1), monday.minus(Duration.ofHours(1)), 4880L, 30L));
    harness.send(
        withAudience(
            Snapshots.account(account, day, monday.plus(Duration.ofHours(9)), 5000L, 120L)));
    String at = ten.plus(Duration.ofMinutes(62)).toString();
    int bestHour = HourOfWeek.of(posted.toEpochMilli(), ZoneId.of("UTC"));
    awaitServed("/api/hashtags/top?window=PT1H&at=" + at, "\"engagementGained\":360");
    awaitServed("/api/accounts/" + account + "/posting-hours", "\"bestHours\":[" + bestHour + "]");
    awaitServed("/api/accounts/" + account + "/audience", "\"GB\"");
    awaitServed("/api/accounts/" + account + "/media-follows?day=" + day, "\"followsGained\":14");

    // Overview: #bread first with its 360, then #crust; the account first by trend score. The
    // window picker offers the families this aggregator computes (the harness's one).
    open("#/?at=" + at);
    assertThat(browser.findElements(By.cssSelector("#window option")))
        .extracting(o -> o.getAttribute("value") + " " + o.getText())
        .containsExactly("PT1H 1 hour");
    List<WebElement> bars = browser.findElements(By.cssSelector("section:first-of-type g.bar"));
    assertThat(bars)
        .extracting(b -> b.getAttribute("data-label"))
        .containsExactly("#" + bread, "#" + crust);
    assertThat(bars).extracting(b -> b.getAttribute("data-value")).containsExactly("360", "100");
    assertThat(firstRowCells("Top hashtags")).startsWith("#" + bread, "1", "360");
    assertThat(firstRowCells("Top accounts"))
        .startsWith(account, "▲ +300 %", "360", "5,000", "120");
    screenshot("overview");

    // Hashtag: the 10:00 window's 360 per hour on the chart and in its table, the media on top.
    open("#/hashtag/" + bread + "?at=" + at);
    assertThat(points("per hour")).contains("360");
    assertThat(firstRowCells("Top media of #" + bread)).containsExactly("m1-" + id, account, "360");
    screenshot("hashtag");

    // Account: the engagement point, followers, the best hour marked, the audience shares.
    open("#/account/" + account + "?at=" + at);
    assertThat(points("engagement")).contains("360");
    assertThat(points("followers")).containsExactly("4880", "5000");
    List<WebElement> best = browser.findElements(By.cssSelector("table.heat td.best"));
    assertThat(best)
        .extracting(c -> c.getAttribute("data-hour"))
        .containsExactly(String.valueOf(bestHour));
    assertThat(best.get(0).getText()).isEqualTo("★");
    assertThat(browser.findElement(By.id("best-hours")).getText())
        .startsWith("Best hour: " + dayName(bestHour));
    assertThat(
            browser.findElements(By.cssSelector("[data-dimension=country] g.bar")).stream()
                .map(b -> b.getAttribute("data-label") + "=" + b.getAttribute("data-value"))
                .toList())
        .containsExactly("GB=0.6", "US=0.3", "FR=0.1");
    // The media that grew followers that day: all 14 of its follows (its first snapshot, an hour
    // after posting, counts whole).
    assertThat(firstRowCells("Media that grew followers")).containsExactly("m1-" + id, "14");
    assertThat(browser.findElement(By.id("follows-total")).getText())
        .isEqualTo("14 follows gained on " + day + " (UTC) by 1 media");
    screenshot("account");

    // The same view at a phone's width.
    browser.manage().window().setSize(new Dimension(390, 3200));
    open("#/account/" + account + "?at=" + at);
    screenshot("account-phone");
  }

  /** Swagger UI, from its WebJar, renders every operation of the contract without an error. */
  @Test
  void shouldRenderTheContractInSwaggerUi() {
    browser.get("http://127.0.0.1:" + service.queryPort() + "/docs");

    List<WebElement> operations =
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(
                ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector(".opblock-summary-path"), documentedPaths().size()));
    assertThat(operations)
        .extracting(o -> o.getAttribute("data-path"))
        .containsExactlyInAnyOrderElementsOf(documentedPaths());
    assertThat(HeadlessChromium.severeLogs(browser)).isEmpty();
    screenshot("docs");
  }

  /** The paths of the OpenAPI document the aggregator serves (one GET each). */
  private static List<String> documentedPaths() {
    try (InputStream in =
        DashboardBrowserIT.class.getClassLoader().getResourceAsStream("openapi/openapi.json")) {
      return List.copyOf(
          new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .getJsonObject("paths")
              .fieldNames());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a view and waits until it is drawn; then checks the page logged no error. */
  private void open(String hash) {
    browser.get("http://127.0.0.1:" + service.queryPort() + "/" + hash);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.attributeToBe(
                By.id("view"), "data-loaded", hash.replace("&window=PT1H", "")));
    assertThat(HeadlessChromium.severeLogs(browser)).as("console errors on " + hash).isEmpty();
  }

  private List<String> firstRowCells(String caption) {
    WebElement table =
        browser.findElement(By.xpath("//table[caption[normalize-space(.)='" + caption + "']]"));
    return table.findElements(By.cssSelector("tbody tr:first-child td")).stream()
        .map(td -> td.getAttribute("textContent").trim())
        .toList();
  }

  private List<String> points(String series) {
    return browser
        .findElements(By.cssSelector("circle.point[data-series='" + series + "']"))
        .stream()
        .map(p -> p.getAttribute("data-value"))
        .toList();
  }

  private void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitServed(String uri, String fragment) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              var response = AggregatorHarness.get(service.queryPort(), uri);
              return response.statusCode() == 200 && response.body().contains(fragment);
            });
  }

  private static String dayName(int hourOfWeek) {
    return List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun").get(hourOfWeek / 24)
        + String.format(" %02d:00", hourOfWeek % 24);
  }

  private static AccountInsightSnapshot withAudience(AccountInsightSnapshot snapshot) {
    snapshot.setDemographics(
        List.of(
            new DemographicBreakdown(
                AudienceKind.FOLLOWERS, "country", Map.of("GB", 600L, "US", 300L, "FR", 100L)),
            new DemographicBreakdown(
                AudienceKind.FOLLOWERS, "age", Map.of("25-34", 700L, "18-24", 300L))));
    return snapshot;
  }
}
