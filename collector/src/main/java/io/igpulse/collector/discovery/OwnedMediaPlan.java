package io.igpulse.collector.discovery;

import io.igpulse.graphapi.model.Media;
import java.util.List;
import java.util.function.Predicate;

/**
 * The incremental read of an account's own media: the listing is newest first, so once a known
 * media appears everything older is known too (except what a full sweep is there to catch). A first
 * page with no known media means more is new than one page holds: read deeper.
 */
public final class OwnedMediaPlan {

  private OwnedMediaPlan() {}

  /** What one listing tells. */
  public record Step(List<Media> fresh, boolean readDeeper) {}

  /**
   * @param listed the newest media, newest first, at most {@code asked} of them
   * @param known whether a media id was already emitted as owned media of this account
   */
  public static Step decide(List<Media> listed, int asked, Predicate<String> known) {
    int firstKnown = -1;
    for (int i = 0; i < listed.size(); i++) {
      if (known.test(listed.get(i).id())) {
        firstKnown = i;
        break;
      }
    }
    if (firstKnown >= 0) {
      return new Step(List.copyOf(listed.subList(0, firstKnown)), false);
    }
    // Nothing known: all listed is new, and a full page means the list goes on.
    return new Step(List.copyOf(listed), listed.size() >= asked);
  }
}
