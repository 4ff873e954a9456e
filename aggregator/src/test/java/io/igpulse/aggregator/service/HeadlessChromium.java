package io.igpulse.aggregator.service;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The machine's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed
 * by {@code .ci/run}) driven by Selenium, with nothing downloaded. When it cannot start, browser
 * tests fail with the reason in CI (env CI set) and are skipped with it elsewhere.
 */
final class HeadlessChromium {

  static final String BROWSER =
      System.getenv().getOrDefault("IGPULSE_CHROMIUM", "/usr/bin/chromium");
  static final String DRIVER =
      System.getenv().getOrDefault("IGPULSE_CHROMEDRIVER", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  static ChromeDriver start() {
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
      options.addArguments(
          "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
      options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(DRIVER))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      driver.manage().window().setSize(new Dimension(1280, 1800));
      return driver;
    } catch (RuntimeException e) {
      String message =
          "headless Chromium could not start ("
              + BROWSER
              + " with "
              + DRIVER
              + "; Debian packages chromium and chromium-driver): "
              + e.getMessage().lines().findFirst().orElse("");
      if (System.getenv("CI") != null) {
        Assertions.fail(message, e);
      }
      Assumptions.abort(message);
      throw e;
    }
  }

  /** JavaScript errors and failed loads the page logged since the last call. */
  static List<String> severeLogs(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
