package io.igpulse.enricher.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the due media igpulse does not own into the fewest edge reads and keeps them within the
 * public-counter budgets. All due media tagged in one account come back from one {@code tags}
 * listing, all due media of one hashtag (read as one account) from one {@code top_media} or {@code
 * recent_media} listing; a mention is one batch item per media. Reads that do not fit an account's
 * budget wait (their media stay due). Pure, unit-tested.
 */
public final class PublicReadPlanner {

  /** Which edge a read goes through. */
  public enum Edge {
    TAGS,
    MENTION,
    HASHTAG_TOP,
    HASHTAG_RECENT;

    static Edge of(Reader r) {
      return switch (r.source()) {
        case "TAGGED" -> TAGS;
        case "MENTION" -> MENTION;
        case "HASHTAG_TOP" -> HASHTAG_TOP;
        case "HASHTAG_RECENT" -> HASHTAG_RECENT;
        default -> throw new IllegalArgumentException("not an edge: " + r.source());
      };
    }

    public boolean hashtag() {
      return this == HASHTAG_TOP || this == HASHTAG_RECENT;
    }

    /**
     * Calls reserved before the read: a listing's first page, and for a hashtag one more for the
     * {@code ig_hashtag_search} that finds its id (free of the 30-per-7-days budget once searched,
     * but still a call); further pages are charged when read.
     */
    public int reservedCalls() {
      return hashtag() ? 2 : 1;
    }
  }

  /** A due media and the edge chosen for it. */
  public record Due(PublicEntry entry, Reader reader) {}

  /** One edge read: an account, its edge (and hashtag), and the due media it should list. */
  public record Read(Edge edge, String account, String hashtag, List<PublicEntry> entries) {
    public Read {
      entries = List.copyOf(entries);
    }
  }

  /**
   * @param available calls left per account in the public-counter budget
   * @param hashtagAvailable calls left per account in its share of the hashtag-endpoint limit
   * @return the reads that fit, listings first (they serve many media per call), then mentions of
   *     the youngest media first
   */
  public List<Read> plan(
      List<Due> due, Map<String, Integer> available, Map<String, Integer> hashtagAvailable) {
    Map<String, List<Due>> groups = new LinkedHashMap<>();
    List<Due> sorted = new ArrayList<>(due);
    sorted.sort(
        Comparator.comparingLong((Due d) -> -d.entry().postedAt())
            .thenComparing(d -> d.entry().mediaId()));
    for (Due d : sorted) {
      Edge edge = Edge.of(d.reader());
      String key =
          edge == Edge.MENTION
              ? edge + "|" + d.reader().account() + "|" + d.entry().mediaId()
              : edge + "|" + d.reader().account() + "|" + d.reader().hashtag();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<Read> reads = new ArrayList<>();
    for (List<Due> group : groups.values()) {
      Reader r = group.get(0).reader();
      reads.add(
          new Read(Edge.of(r), r.account(), r.hashtag(), group.stream().map(Due::entry).toList()));
    }
    // Listings before single mentions, the listing that serves most media first.
    reads.sort(
        Comparator.comparing((Read r) -> r.edge() == Edge.MENTION)
            .thenComparing(r -> -r.entries().size()));
    Map<String, Integer> left = new HashMap<>(available);
    Map<String, Integer> hashtagLeft = new HashMap<>(hashtagAvailable);
    List<Read> chosen = new ArrayList<>();
    for (Read read : reads) {
      int cost = read.edge().reservedCalls();
      int budget = left.getOrDefault(read.account(), 0);
      int hashtagBudget =
          read.edge().hashtag() ? hashtagLeft.getOrDefault(read.account(), 0) : Integer.MAX_VALUE;
      if (budget < cost || hashtagBudget < cost) {
        continue;
      }
      left.put(read.account(), budget - cost);
      if (read.edge().hashtag()) {
        hashtagLeft.put(read.account(), hashtagBudget - cost);
      }
      chosen.add(read);
    }
    return List.copyOf(chosen);
  }
}
