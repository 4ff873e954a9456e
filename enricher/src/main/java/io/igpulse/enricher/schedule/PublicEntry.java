package io.igpulse.enricher.schedule;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One media igpulse does not own, on the public-counter schedule ({@code public-schedule} store,
 * keyed by media id, JSON): every followed account and edge that can read it, the followed accounts
 * it tags or mentions, and the schedule's progress. Keyed by media id so that a media found by
 * several followed accounts, or through several edges, is one entry and one series of snapshots.
 * Also remembers media a followed account owns ({@code ownedByFollowed}): those are read with
 * insights by their owner's schedule and never here. Immutable.
 *
 * @param readers the edges that can list it (the cheapest is read, see {@link PublicPaths})
 * @param earnedBy followed accounts that tagged or mentioned it; only grows, so every snapshot of
 *     the media names the same accounts once they are known
 * @param nextDueAt epoch millis of the next snapshot the public cadence asks for
 * @param notBefore no read before this (backoff after a transient failure); 0 when none
 */
public record PublicEntry(
    String mediaId,
    String mediaType,
    String productType,
    long postedAt,
    List<String> hashtags,
    String ownerUsername,
    Set<Reader> readers,
    Set<String> earnedBy,
    boolean ownedByFollowed,
    MediaState state,
    long nextDueAt,
    long notBefore,
    int failures,
    Long lastCapturedAt,
    int snapshots) {

  public PublicEntry {
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    readers = readers == null ? Set.of() : Set.copyOf(readers);
    earnedBy =
        Collections.unmodifiableSortedSet(
            earnedBy == null ? new TreeSet<>() : new TreeSet<>(earnedBy));
    state = state == null ? MediaState.DONE : state;
  }

  /** A media first found through an edge; {@code firstDue} null when already past the cadence. */
  public static PublicEntry found(
      String mediaId,
      String mediaType,
      String productType,
      long postedAt,
      List<String> hashtags,
      String ownerUsername,
      Reader reader,
      Long firstDue) {
    return new PublicEntry(
        mediaId,
        mediaType,
        productType,
        postedAt,
        hashtags,
        ownerUsername,
        Set.of(reader),
        reader.tagsOrMentions() ? Set.of(reader.account()) : Set.of(),
        false,
        firstDue == null ? MediaState.DONE : MediaState.ACTIVE,
        firstDue == null ? postedAt : firstDue,
        0,
        0,
        null,
        0);
  }

  /** A media a followed account owns: only remembered, so that no edge reads it here. */
  public static PublicEntry owned(String mediaId, long postedAt) {
    return new PublicEntry(
        mediaId,
        null,
        null,
        postedAt,
        List.of(),
        null,
        Set.of(),
        Set.of(),
        true,
        MediaState.DONE,
        postedAt,
        0,
        0,
        null,
        0);
  }

  public boolean isDueAt(long now) {
    return !ownedByFollowed && state == MediaState.ACTIVE && nextDueAt <= now && notBefore <= now;
  }

  /** The owner turned out to be a followed account: its insights are read by its own schedule. */
  public PublicEntry ownedByAFollowedAccount() {
    return new PublicEntry(
        mediaId,
        mediaType,
        productType,
        postedAt,
        hashtags,
        ownerUsername,
        readers,
        earnedBy,
        true,
        MediaState.DONE,
        nextDueAt,
        0,
        failures,
        lastCapturedAt,
        snapshots);
  }

  /**
   * The same media found through one more edge. A media that had left the schedule because no edge
   * listed it any more comes back (due at {@code dueIfBack}) when a new edge lists it and it is
   * still within the cadence ({@code dueIfBack} not null).
   */
  public PublicEntry withReader(
      Reader reader, String username, List<String> moreHashtags, Long dueIfBack) {
    Set<Reader> r = new HashSet<>();
    r.addAll(readers);
    boolean fresh = r.add(reader);
    Set<String> earned = new TreeSet<>(earnedBy);
    if (reader.tagsOrMentions()) {
      earned.add(reader.account());
    }
    TreeSet<String> tags = new TreeSet<>(hashtags);
    tags.addAll(moreHashtags);
    boolean back = fresh && state == MediaState.DONE && !ownedByFollowed && dueIfBack != null;
    return new PublicEntry(
        mediaId,
        mediaType,
        productType,
        postedAt,
        List.copyOf(tags),
        ownerUsername != null ? ownerUsername : username,
        r,
        earned,
        ownedByFollowed,
        back ? MediaState.ACTIVE : state,
        back ? dueIfBack : nextDueAt,
        notBefore,
        failures,
        lastCapturedAt,
        snapshots);
  }

  /** The edge no longer lists the media; with no edge left, the media leaves the schedule. */
  public PublicEntry withoutReader(Reader reader) {
    Set<Reader> r = new HashSet<>(readers);
    r.remove(reader);
    return new PublicEntry(
        mediaId,
        mediaType,
        productType,
        postedAt,
        hashtags,
        ownerUsername,
        r,
        earnedBy,
        ownedByFollowed,
        r.isEmpty() ? MediaState.DONE : state,
        nextDueAt,
        notBefore,
        failures,
        lastCapturedAt,
        snapshots);
  }

  /** Only these edges can still list it (the others forgot it); none left: it leaves. */
  public PublicEntry keepReaders(Set<Reader> listable) {
    if (listable.size() == readers.size()) {
      return this;
    }
    PublicEntry out = this;
    for (Reader r : readers) {
      if (!listable.contains(r)) {
        out = out.withoutReader(r);
      }
    }
    return out;
  }

  /** After a snapshot; {@code next} null when the cadence ends. */
  public PublicEntry snapshotTaken(long capturedAt, Long next) {
    return progress(
        next == null ? MediaState.DONE : MediaState.ACTIVE,
        next == null ? nextDueAt : next,
        0,
        0,
        capturedAt,
        snapshots + 1);
  }

  public PublicEntry retryLater(long retryAt) {
    return progress(state, nextDueAt, retryAt, failures + 1, lastCapturedAt, snapshots);
  }

  public PublicEntry leave(MediaState why) {
    return progress(why, nextDueAt, 0, failures, lastCapturedAt, snapshots);
  }

  /** Whether both describe the same point of the schedule (readers aside). */
  public boolean sameProgressAs(PublicEntry other) {
    return state == other.state
        && ownedByFollowed == other.ownedByFollowed
        && nextDueAt == other.nextDueAt
        && notBefore == other.notBefore
        && failures == other.failures
        && snapshots == other.snapshots;
  }

  private PublicEntry progress(
      MediaState newState,
      long newNextDueAt,
      long newNotBefore,
      int newFailures,
      Long newLastCapturedAt,
      int newSnapshots) {
    return new PublicEntry(
        mediaId,
        mediaType,
        productType,
        postedAt,
        hashtags,
        ownerUsername,
        readers,
        earnedBy,
        ownedByFollowed,
        newState,
        newNextDueAt,
        newNotBefore,
        newFailures,
        newLastCapturedAt,
        newSnapshots);
  }
}
