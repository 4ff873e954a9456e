package io.igpulse.aggregator.query;

import io.igpulse.aggregator.config.WindowSpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The bounds of every query parameter, in one place (the aggregator README lists them). Each read
 * costs work in proportion to what it asks for: a series builds one window per advance between
 * {@code from} and {@code to}, so an unbounded span (2000 to 2026 is millions of windows) or a
 * far-future {@code to} would exhaust the heap, and {@link Instant} accepts years up to a billion,
 * whose epoch milliseconds overflow. A parameter outside these bounds is refused with a {@link
 * BadQueryException} naming the bound, which the router answers with 400.
 */
public final class QueryBounds {

  /** Earliest time or day a query may name (Instagram's Graph API did not exist before). */
  public static final Instant EARLIEST = Instant.parse("2010-01-01T00:00:00Z");

  /** Latest time or day a query may name (exclusive). */
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** Most windows one series query may ask for (window starts from {@code from} to {@code to}). */
  public static final int MAX_WINDOWS = 1000;

  /** Most days one follower query may ask for. */
  public static final int MAX_DAYS = 1000;

  /** Longest hashtag or account id in a path. */
  public static final int MAX_KEY_LENGTH = 200;

  private QueryBounds() {}

  /** Thrown for a parameter out of bounds; the message says which and why, for the 400 body. */
  public static final class BadQueryException extends RuntimeException {
    BadQueryException(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses an instant parameter and checks it lies in [{@link #EARLIEST}, {@link #LATEST}). */
  public static Instant instant(String param, String text) {
    Instant value;
    try {
      value = Instant.parse(text);
    } catch (DateTimeException e) {
      throw new BadQueryException(param + " must be an ISO-8601 instant like 2026-11-23T10:00:00Z");
    }
    if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
      throw new BadQueryException(param + " must lie between " + EARLIEST + " and " + LATEST);
    }
    return value;
  }

  /** Parses a day parameter and checks it lies in the same range as instants. */
  public static LocalDate day(String param, String text) {
    LocalDate value;
    try {
      value = LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new BadQueryException(param + " must be a date like 2026-11-23");
    }
    if (value.isBefore(firstDay()) || !value.isBefore(lastDayExclusive())) {
      throw new BadQueryException(
          param + " must lie between " + firstDay() + " and " + lastDayExclusive());
    }
    return value;
  }

  /**
   * Checks a series range: {@code from} not after {@code to}, and at most {@link #MAX_WINDOWS}
   * window starts (one per advance) between them.
   */
  public static void series(WindowSpec spec, Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new BadQueryException("from " + from + " is after to " + to);
    }
    long windows =
        Math.floorDiv(to.toEpochMilli() - from.toEpochMilli(), spec.advance().toMillis());
    if (windows + 1 > MAX_WINDOWS) {
      throw new BadQueryException(
          "from..to spans "
              + (windows + 1)
              + " windows of "
              + spec
              + "; at most "
              + MAX_WINDOWS
              + " (at most "
              + spec.advance().multipliedBy(MAX_WINDOWS - 1)
              + ")");
    }
  }

  /** Checks a follower range: {@code from} not after {@code to}, at most {@link #MAX_DAYS} days. */
  public static void days(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new BadQueryException("from " + from + " is after to " + to);
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new BadQueryException("from..to spans " + days + " days; at most " + MAX_DAYS);
    }
  }

  /** Checks a hashtag or account id taken from the path. */
  public static String key(String param, String value) {
    if (value.isEmpty() || value.length() > MAX_KEY_LENGTH) {
      throw new BadQueryException(
          param + " must have 1 to " + MAX_KEY_LENGTH + " characters, got " + value.length());
    }
    return value;
  }

  private static LocalDate firstDay() {
    return LocalDate.ofInstant(EARLIEST, ZoneOffset.UTC);
  }

  private static LocalDate lastDayExclusive() {
    return LocalDate.ofInstant(LATEST, ZoneOffset.UTC);
  }
}
