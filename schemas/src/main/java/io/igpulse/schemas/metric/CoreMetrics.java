package io.igpulse.schemas.metric;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The media metrics igpulse is built on, named once for every service: what each insight snapshot
 * reports (a value, or why there is none), how its normalized engagement is made, and what the
 * aggregator's trends track. Names are the Graph API's.
 *
 * <p>The aggregator's stored codes for these names are a separate, frozen table (its {@code
 * InternalCodecs.METRIC_CODES}): reordering or extending the lists here changes no stored value.
 */
public final class CoreMetrics {

  public static final String REACH = "reach";
  public static final String VIEWS = "views";
  public static final String TOTAL_INTERACTIONS = "total_interactions";

  /** Accounts that started following after seeing the media (feed posts and reels only). */
  public static final String FOLLOWS = "follows";

  /** The snapshot's normalized engagement ({@link #engagement}), tracked like a metric. */
  public static final String ENGAGEMENT = "engagement";

  /** What engagement adds up when the API gives no {@code total_interactions}. */
  public static final List<String> ENGAGEMENT_PARTS =
      List.of("likes", "comments", "saved", "shares");

  /**
   * What every snapshot reports, a value or the reason there is none (a metric a media kind does
   * not offer is reported as unsupported for its type).
   */
  public static final List<String> REPORTED =
      Stream.of(Stream.of(REACH, VIEWS), ENGAGEMENT_PARTS.stream(), Stream.of(TOTAL_INTERACTIONS))
          .flatMap(s -> s)
          .toList();

  /**
   * The normalized metrics trends are made of, and the follows that rank media by followers won.
   */
  public static final List<String> TRACKED =
      Stream.of(Stream.of(ENGAGEMENT, REACH, VIEWS), ENGAGEMENT_PARTS.stream(), Stream.of(FOLLOWS))
          .flatMap(s -> s)
          .toList();

  private CoreMetrics() {}

  /**
   * One engagement number for every media, whatever its age and kind: {@code total_interactions}
   * when the API gave it, else the sum of the {@link #ENGAGEMENT_PARTS} that are present (the
   * definition that replaced the retired {@code engagement} metric); empty when none is.
   */
  public static OptionalLong engagement(Map<String, Long> values) {
    Long total = values.get(TOTAL_INTERACTIONS);
    if (total != null) {
      return OptionalLong.of(total);
    }
    long sum = 0;
    boolean any = false;
    for (String part : ENGAGEMENT_PARTS) {
      Long v = values.get(part);
      if (v != null) {
        sum += v;
        any = true;
      }
    }
    return any ? OptionalLong.of(sum) : OptionalLong.empty();
  }
}
