package io.igpulse.enricher.schedule;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which media are read with insights and through which edge the others are read. Only the owner's
 * token may read a media's insights (or the media itself), so insights are asked for the sources
 * that are the followed account's own media ({@code OWNED}, {@code STORY}); every other media is
 * followed through the public counters of an edge that lists it. Pure, unit-tested.
 */
public final class PublicPaths {

  /** {@code recent_media} lists a hashtag's media only within this age. */
  public static final Duration RECENT_HASHTAG_WINDOW = Duration.ofHours(24);

  /**
   * Cheapest edge first: one {@code tags} listing re-reads every tagged media of the account; a
   * mention costs one batch item per media; a hashtag listing costs a call of the 200-per-hour
   * hashtag limit; {@code recent_media} last, since it forgets media after 24 h.
   */
  private static final List<String> PREFERENCE =
      List.of("TAGGED", "MENTION", "HASHTAG_TOP", "HASHTAG_RECENT");

  private static final Comparator<Reader> CHEAPEST_FIRST =
      Comparator.comparingInt((Reader r) -> PREFERENCE.indexOf(r.source()))
          .thenComparing(Reader::account)
          .thenComparing(r -> r.hashtag() == null ? "" : r.hashtag());

  private PublicPaths() {}

  /** Whether media of this source belong to the followed account (read with insights). */
  public static boolean readWithInsights(String source) {
    return "OWNED".equals(source) || "STORY".equals(source);
  }

  /** Whether this source lists media of other accounts, read through their public counters. */
  public static boolean readThroughEdge(String source) {
    return PREFERENCE.contains(source);
  }

  /** The readers whose edge can still list the media at {@code now}. */
  public static Set<Reader> listable(Set<Reader> readers, long postedAt, long now) {
    return readers.stream()
        .filter(r -> !r.recentHashtag() || now - postedAt < RECENT_HASHTAG_WINDOW.toMillis())
        .collect(Collectors.toCollection(() -> new TreeSet<>(CHEAPEST_FIRST)));
  }

  /** The reader to read through now: the cheapest edge that can still list the media. */
  public static Optional<Reader> choose(Set<Reader> readers, long postedAt, long now) {
    return listable(readers, postedAt, now).stream().findFirst();
  }

  /** Followed accounts the media tags or mentions, sorted: they earned its engagement. */
  public static List<String> earnedBy(Set<Reader> readers) {
    return readers.stream()
        .filter(Reader::tagsOrMentions)
        .map(Reader::account)
        .distinct()
        .sorted()
        .toList();
  }
}
