package io.igpulse.aggregator.topology.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Hour of the week, 0 = Monday 00:00-00:59 up to 167 = Sunday 23:00-23:59, in a given zone. */
public final class HourOfWeek {

  public static final int HOURS = 168;

  private HourOfWeek() {}

  public static int of(long epochMillis, ZoneId zone) {
    ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(zone);
    return (at.getDayOfWeek().getValue() - 1) * 24 + at.getHour();
  }
}
