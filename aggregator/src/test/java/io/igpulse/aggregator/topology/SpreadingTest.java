package io.igpulse.aggregator.topology;

import static io.igpulse.aggregator.topology.TopologyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.AccountTrend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deltas spread over the buckets between their captures, through the production topology (1 h
 * windows advancing every 5 min, 6 h grace).
 */
class SpreadingTest {

  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void shouldSpreadFiveHoursOfEngagementOverItsHoursAndKeepTheSum() {
    String posted = "2026-11-23T06:55:00Z";
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T07:00:00Z",
            Map.of("engagement", 0L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T12:00:00Z",
            Map.of("engagement", 601L)));

    // 601 over the 60 buckets from 07:00 to 12:00: the cumulative share at each hour's end,
    // rounded, is 120, 240, 361, 481, 601 (120.2 k), so the hours hold 120, 120, 121, 120, 120.
    long[] expected = {120, 120, 121, 120, 120};
    long sum = 0;
    for (int hour = 0; hour < 5; hour++) {
      String start = "2026-11-23T" + String.format("%02d", 7 + hour) + ":00:00Z";
      AccountTrend trend = topology.account("acc", start);
      assertThat(trend.getEngagementGained()).as(start).isEqualTo(expected[hour]);
      assertThat(trend.getContributingMedia()).as(start).isEqualTo(1);
      assertThat(topology.hashtag("bread", start).getEngagementGained()).isEqualTo(expected[hour]);
      sum += trend.getEngagementGained();
    }
    assertThat(sum).isEqualTo(601L);
    // Before the change the whole 601 was in the 11:00-12:00 window (and 11:05-12:05, ...).
    assertThat(topology.account("acc", "2026-11-23T06:00:00Z")).isNull();
  }

  @Test
  void shouldCountAMediaOnlyInTheBucketsItsPartsReach() {
    String posted = "2026-11-23T09:00:00Z";
    // big gains 120 from 10:00 to 11:00 (10 a bucket); small gains 2 over the same hour: its
    // cumulative 2k/12 rounds up to 1 at the end of bucket 10:10 and to 2 at the end of 10:40.
    for (String media : List.of("big", "small")) {
      topology.pipe(
          snapshot(
              media, "acc", List.of(), posted, "2026-11-23T10:00:00Z", Map.of("engagement", 100L)));
    }
    topology.pipe(
        snapshot(
            "big", "acc", List.of(), posted, "2026-11-23T11:00:00Z", Map.of("engagement", 220L)));
    topology.pipe(
        snapshot(
            "small", "acc", List.of(), posted, "2026-11-23T11:00:00Z", Map.of("engagement", 102L)));

    AccountTrend hour = topology.account("acc", "2026-11-23T10:00:00Z");
    assertThat(hour.getEngagementGained()).isEqualTo(122L);
    assertThat(hour.getContributingMedia()).isEqualTo(2);
    // 10:45-11:45 holds the big media's last three buckets and none of the small one's parts.
    AccountTrend late = topology.account("acc", "2026-11-23T10:45:00Z");
    assertThat(late.getEngagementGained()).isEqualTo(30L);
    assertThat(late.getContributingMedia()).isEqualTo(1);
    assertThat(topology.account("acc", "2026-11-23T10:15:00Z").getContributingMedia()).isEqualTo(2);
  }
}
