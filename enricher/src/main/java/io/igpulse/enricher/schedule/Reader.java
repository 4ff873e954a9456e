package io.igpulse.enricher.schedule;

/**
 * One way igpulse can read the public counters of a media it does not own: the followed account
 * whose edge lists it and which edge ({@code TAGGED} → the account's {@code tags}, {@code MENTION}
 * → its {@code mentioned_media}, {@code HASHTAG_TOP} / {@code HASHTAG_RECENT} → that hashtag's
 * listing read as the account). Kept per media in the {@code public-schedule} store.
 *
 * @param source the discovery source's name
 * @param account the followed account whose token reads the edge
 * @param hashtag the hashtag for hashtag sources, else null
 */
public record Reader(String source, String account, String hashtag) {

  public boolean tagsOrMentions() {
    return "TAGGED".equals(source) || "MENTION".equals(source);
  }

  public boolean hashtagEdge() {
    return "HASHTAG_TOP".equals(source) || "HASHTAG_RECENT".equals(source);
  }

  public boolean recentHashtag() {
    return "HASHTAG_RECENT".equals(source);
  }
}
