package io.igpulse.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings a service starts with: an optional properties file (named by {@code
 * IGPULSE_CONFIG_FILE}, keys spelled like the environment variables) under the environment, which
 * wins. Typed readers fail with the variable's name and what was expected, so a bad deployment
 * stops at start with a line an operator can act on; they never echo the value, which may be a
 * secret.
 */
public final class Settings {

  public static final String CONFIG_FILE = "IGPULSE_CONFIG_FILE";

  /** Where HTTP ports listen by default. */
  public static final String LOOPBACK = "127.0.0.1";

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The environment over the file it names, if any. */
  public static Settings load(Map<String, String> env) {
    Map<String, String> merged = new LinkedHashMap<>();
    String file = env.get(CONFIG_FILE);
    if (file != null && !file.isBlank()) {
      merged.putAll(readFile(Path.of(file.trim())));
    }
    merged.putAll(env);
    return new Settings(merged);
  }

  /** Exactly these values (tests). */
  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  private static Map<String, String> readFile(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(CONFIG_FILE + ": cannot read " + path + ": " + e, e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    return out;
  }

  /** Every value, as merged (for code that reads its own prefix). */
  public Map<String, String> asMap() {
    return values;
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.trim();
  }

  public String string(String name, String fallback) {
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /**
   * The address an HTTP port listens on: loopback unless set, so that a service started outside a
   * container is reachable from its own host only; containers set {@code 0.0.0.0}.
   */
  public String bindAddress(String name) {
    String value = string(name, LOOPBACK);
    if (value.chars().anyMatch(Character::isWhitespace) || value.contains("/")) {
      throw new IllegalArgumentException(
          name + " must be one IP address or host name, like 127.0.0.1 or 0.0.0.0");
    }
    return value;
  }

  public int integer(String name, int fallback) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer", e);
    }
  }

  public double decimal(String name, double fallback) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number", e);
    }
  }

  public boolean bool(String name, boolean fallback) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }

  /** An ISO-8601 duration such as {@code PT30M}. */
  public Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 duration like PT30M", e);
    }
  }

  /** A comma-separated list, blanks dropped. */
  public List<String> list(String name, List<String> fallback) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Client settings passed straight through: with prefix {@code IGPULSE_PRODUCER_}, {@code
   * IGPULSE_PRODUCER_LINGER_MS=5} becomes {@code linger.ms=5}.
   */
  public Map<String, String> passThrough(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && k.length() > prefix.length()) {
            out.put(k.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
          }
        });
    return out;
  }
}
