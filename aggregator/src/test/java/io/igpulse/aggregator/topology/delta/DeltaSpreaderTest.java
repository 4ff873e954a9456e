package io.igpulse.aggregator.topology.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.SnapshotKind;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a delta is cut into bucket parts: exact sums, proportional parts, boundaries, horizon. */
class DeltaSpreaderTest {

  private static final long MINUTE = 60_000;
  private static final long BUCKET = 5 * MINUTE;
  private static final DeltaSpreader FIVE_MINUTES =
      new DeltaSpreader(Duration.ofMinutes(5), Duration.ofHours(6));

  private static long at(String time) {
    return Instant.parse("2026-11-23T" + time + ":00Z").toEpochMilli();
  }

  private static MediaDelta delta(long from, long to, Map<String, Long> changes) {
    return new MediaDelta(
        "m1",
        SnapshotKind.INSIGHTS,
        "acc",
        null,
        List.of(),
        List.of(),
        from,
        from,
        to,
        changes,
        false);
  }

  @Test
  void shouldKeepSumsExactAndEveryRunOfBucketsWithinOneOfItsProportionalShare() {
    Random random = new Random(42);
    for (int trial = 0; trial < 2_000; trial++) {
      long from = at("00:00") + random.nextInt(24 * 60) * MINUTE + random.nextInt(60_000);
      long to = from + 1 + random.nextInt(6 * 60) * MINUTE + random.nextInt(60_000);
      long total = random.nextInt(20_001) - 10_000;
      List<DeltaSpreader.Part> parts =
          FIVE_MINUTES.spread(delta(from, to, Map.of("engagement", total)));

      assertThat(parts.stream().mapToLong(p -> p.delta().engagement()).sum()).isEqualTo(total);
      long runningPart = 0;
      for (DeltaSpreader.Part part : parts) {
        assertThat(part.delta().engagement()).isNotZero();
        assertThat(part.timestamp()).isBetween(part.bucketStart(), part.bucketStart() + BUCKET - 1);
        assertThat(part.timestamp()).isLessThanOrEqualTo(to);
        runningPart += part.delta().engagement();
        // Everything up to this bucket's end, against the proportional amount: within one unit.
        long end = Math.min(to, part.bucketStart() + BUCKET);
        double proportional = (double) total * (end - from) / (to - from);
        assertThat(Math.abs(runningPart - proportional)).isLessThanOrEqualTo(0.5 + 1e-9);
      }
    }
  }

  @Test
  void shouldSpreadFiveHoursOverSixtyBucketsInProportion() {
    List<DeltaSpreader.Part> parts =
        FIVE_MINUTES.spread(delta(at("07:00"), at("12:00"), Map.of("engagement", 601L)));

    assertThat(parts).hasSize(60);
    assertThat(parts.get(0).bucketStart()).isEqualTo(at("07:00"));
    assertThat(parts.get(59).bucketStart()).isEqualTo(at("11:55"));
    // 601 / 60 = 10.0167 a bucket: 59 buckets of 10 and one of 11 (where the cumulative share
    // passes a half: 601 x 30 / 60 = 300.5, rounded up, at the end of bucket 09:25).
    assertThat(parts.stream().filter(p -> p.delta().engagement() == 11).map(p -> p.bucketStart()))
        .containsExactly(at("09:25"));
    assertThat(parts.stream().filter(p -> p.delta().engagement() == 10)).hasSize(59);
  }

  @Test
  void shouldEndTheSpreadOfACaptureOnABoundaryInTheBucketBeforeIt() {
    List<DeltaSpreader.Part> parts =
        FIVE_MINUTES.spread(delta(at("10:10"), at("11:00"), Map.of("engagement", 10L)));

    assertThat(parts).extracting(DeltaSpreader.Part::bucketStart).endsWith(at("10:55"));
    assertThat(parts.get(parts.size() - 1).timestamp()).isEqualTo(at("11:00") - 1);
    assertThat(parts).allMatch(p -> p.delta().engagement() == 1);
  }

  @Test
  void shouldSpreadNegativeDeltasTheSameWay() {
    List<DeltaSpreader.Part> parts =
        FIVE_MINUTES.spread(delta(at("10:10"), at("11:10"), Map.of("engagement", -8L)));

    // Cumulative -8 x k / 12 rounded (halves up): -1, -1, -2, -3, -3, -4, -5, -5, -6, -7, -7, -8.
    assertThat(parts)
        .extracting(p -> p.delta().engagement())
        .containsExactly(-1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L);
    assertThat(parts)
        .extracting(DeltaSpreader.Part::bucketStart)
        .containsExactly(
            at("10:10"),
            at("10:20"),
            at("10:25"),
            at("10:35"),
            at("10:40"),
            at("10:50"),
            at("10:55"),
            at("11:05"));
  }

  @Test
  void shouldSpreadAnIntervalLongerThanTheHorizonOverItsLastHorizon() {
    DeltaSpreader oneHour = new DeltaSpreader(Duration.ofMinutes(5), Duration.ofHours(1));
    List<DeltaSpreader.Part> parts =
        oneHour.spread(delta(at("02:00"), at("10:00"), Map.of("engagement", 120L)));

    assertThat(parts).hasSize(12);
    assertThat(parts.get(0).bucketStart()).isEqualTo(at("09:00"));
    assertThat(parts).allMatch(p -> p.delta().engagement() == 10);
  }

  @Test
  void shouldPutAChangeWithoutIntervalInTheBucketOfItsCapture() {
    List<DeltaSpreader.Part> parts =
        FIVE_MINUTES.spread(delta(at("10:07"), at("10:07"), Map.of("engagement", 3L)));

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).bucketStart()).isEqualTo(at("10:05"));
    assertThat(parts.get(0).timestamp()).isEqualTo(at("10:07"));
  }

  @Test
  void shouldSplitEachMetricOnItsOwnAndGiveNoPartToABucketWithNothing() {
    // 2 over 12 buckets: cumulative 2k/12 rounds to 1 first at k = 3 and to 2 at k = 9.
    List<DeltaSpreader.Part> parts =
        FIVE_MINUTES.spread(
            delta(at("10:00"), at("11:00"), Map.of("engagement", 2L, "reach", 12L)));

    assertThat(parts).hasSize(12);
    assertThat(parts).allMatch(p -> p.delta().reach() == 1);
    assertThat(parts.stream().filter(p -> p.delta().changes().containsKey("engagement")))
        .extracting(DeltaSpreader.Part::bucketStart)
        .containsExactly(at("10:10"), at("10:40"));
    assertThat(FIVE_MINUTES.spread(delta(at("10:00"), at("11:00"), Map.of("engagement", 0L))))
        .isEmpty();
  }

  @Test
  void shouldShareTheEngagementBeforeAnInstantInProportion() {
    MediaDelta delta = delta(at("09:00"), at("11:00"), Map.of("engagement", 400L));
    assertThat(DeltaSpreader.engagementBefore(delta, at("09:30"))).isEqualTo(100L);
    assertThat(DeltaSpreader.engagementBefore(delta, at("08:00"))).isZero();
    assertThat(DeltaSpreader.engagementBefore(delta, at("12:00"))).isEqualTo(400L);
  }

  @Test
  void shouldNotOverflowOnHugeValues() {
    long total = Long.MAX_VALUE / 3;
    long whole = Duration.ofDays(7).toMillis();
    long part = whole / 3;
    BigInteger exact =
        BigInteger.valueOf(total)
            .multiply(BigInteger.valueOf(part))
            .shiftLeft(1)
            .add(BigInteger.valueOf(whole))
            .divide(BigInteger.valueOf(whole).shiftLeft(1));
    assertThat(DeltaSpreader.scaled(total, part, whole)).isEqualTo(exact.longValueExact());
    // Not a half, so rounding is symmetric.
    assertThat(DeltaSpreader.scaled(-total, part, whole)).isEqualTo(-exact.longValueExact());
  }
}
