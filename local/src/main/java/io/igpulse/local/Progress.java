package io.igpulse.local;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One progress reading of the local run, and the console line that shows it.
 *
 * @param now the pipeline's time (simulated in a demo)
 * @param topHashtags the current 1 h window's top hashtags, best first
 */
record Progress(
    Instant now,
    long accountsFollowed,
    long mediaDiscovered,
    long snapshots,
    long trendRecords,
    long consumerLag,
    List<RankedHashtag> topHashtags) {

  /** A hashtag of the top list and the engagement it gained in the window. */
  record RankedHashtag(String hashtag, long engagementGained) {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  String line() {
    String top =
        topHashtags.isEmpty()
            ? "(none yet)"
            : topHashtags.stream()
                .map(h -> "#" + h.hashtag() + " " + grouped(h.engagementGained()))
                .collect(Collectors.joining("  "));
    return TIME.format(now)
        + "Z | accounts "
        + accountsFollowed
        + " | media "
        + grouped(mediaDiscovered)
        + " | snapshots "
        + grouped(snapshots)
        + " | trend records "
        + grouped(trendRecords)
        + " | lag "
        + grouped(consumerLag)
        + " | top 1h: "
        + top;
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
