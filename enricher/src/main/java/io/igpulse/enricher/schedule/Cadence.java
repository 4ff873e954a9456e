package io.igpulse.enricher.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The refresh cadence by age: a list of bands, each "until this age, every step". Media older than
 * the last band's end leave the schedule. Stories follow their own step until just before they
 * expire.
 *
 * @param bands ordered by {@code until}; each {@code until} a multiple of its step and of the
 *     previous band's end, so every band's grid starts where the previous one stopped
 * @param storyStep how often a live story is read
 * @param storyLastBefore the last story snapshot is due this long before expiry
 */
public record Cadence(List<Band> bands, Duration storyStep, Duration storyLastBefore) {

  /** Until {@code until} (age), one snapshot every {@code step}. */
  public record Band(Duration until, Duration step) {
    public Band {
      if (step.isZero() || step.isNegative() || until.compareTo(step) < 0) {
        throw new IllegalArgumentException("band needs 0 < step <= until: " + until + "/" + step);
      }
    }
  }

  public Cadence {
    bands = List.copyOf(bands);
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("a cadence needs at least one band");
    }
    Duration previous = Duration.ZERO;
    for (Band b : bands) {
      if (b.until().compareTo(previous) <= 0) {
        throw new IllegalArgumentException("bands must grow: " + b.until() + " after " + previous);
      }
      if (b.until().minus(previous).toMillis() % b.step().toMillis() != 0) {
        throw new IllegalArgumentException(
            "band " + b.until() + " is not a whole number of steps " + b.step() + " long");
      }
      previous = b.until();
    }
    if (storyStep.isZero() || storyStep.isNegative() || storyLastBefore.isNegative()) {
      throw new IllegalArgumentException("story step must be > 0 and last-before >= 0");
    }
  }

  /** 15 min to 6 h, hourly to 48 h, 6-hourly to 7 days, daily to 30 days; stories every 5 min. */
  public static Cadence defaults() {
    return parse("PT6H/PT15M,PT48H/PT1H,P7D/PT6H,P30D/P1D", "PT5M", "PT2M");
  }

  /** {@code "PT6H/PT15M,PT48H/PT1H"}: comma-separated {@code until/step} pairs. */
  public static Cadence parse(String bands, String storyStep, String storyLastBefore) {
    List<Band> out = new ArrayList<>();
    for (String pair : bands.split(",")) {
      String[] parts = pair.trim().split("/");
      if (parts.length != 2) {
        throw new IllegalArgumentException("cadence band must be until/step: " + pair);
      }
      out.add(new Band(Duration.parse(parts[0].trim()), Duration.parse(parts[1].trim())));
    }
    return new Cadence(
        out, Duration.parse(storyStep.trim()), Duration.parse(storyLastBefore.trim()));
  }

  /** Age after which a feed media leaves the schedule. */
  public Duration maxAge() {
    return bands.get(bands.size() - 1).until();
  }

  /** The step of the band an age falls in; the last band's step past the end. */
  public Duration stepAt(Duration age) {
    for (Band b : bands) {
      if (age.compareTo(b.until()) < 0) {
        return b.step();
      }
    }
    return bands.get(bands.size() - 1).step();
  }

  /** Snapshots the schedule asks of one feed media over its whole life (for budgeting). */
  public long snapshotsPerMedia() {
    long n = 0;
    Duration previous = Duration.ZERO;
    for (Band b : bands) {
      n += b.until().minus(previous).toMillis() / b.step().toMillis();
      previous = b.until();
    }
    return n;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Band b : bands) {
      s.append(s.length() == 0 ? "" : ",").append(b.until()).append('/').append(b.step());
    }
    return s + " story " + storyStep + " (last " + storyLastBefore + " before expiry)";
  }
}
