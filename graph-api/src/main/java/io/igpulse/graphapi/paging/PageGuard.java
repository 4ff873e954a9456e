package io.igpulse.graphapi.paging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether to fetch the next page. Paging ends when {@code paging.next} is absent (a short
 * page is not the end), and — because hashtag {@code recent_media} repeats the same cursor on every
 * page — also when a page brings no id not seen before, or when a page cap is reached.
 */
public final class PageGuard {

  private final int maxPages;
  private final Set<String> seenIds = new HashSet<>();
  private int pages;
  private String stopReason;

  public PageGuard(int maxPages) {
    this.maxPages = maxPages;
  }

  /**
   * Records a page and says whether to follow its next link.
   *
   * @param ids the ids on the page
   * @param next the (token-free) next URL, or null
   */
  public boolean accept(Collection<String> ids, String next) {
    pages++;
    int fresh = 0;
    for (String id : ids) {
      if (seenIds.add(id)) {
        fresh++;
      }
    }
    if (next == null) {
      stopReason = "no next page";
      return false;
    }
    if (fresh == 0) {
      // The cursor repeats on hashtag recent_media: only new ids prove progress.
      stopReason = "page brought no new ids";
      return false;
    }
    if (pages >= maxPages) {
      stopReason = "page cap " + maxPages + " reached";
      return false;
    }
    return true;
  }

  public int pages() {
    return pages;
  }

  public String stopReason() {
    return stopReason;
  }
}
