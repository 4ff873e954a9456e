package io.igpulse.graphapi.model;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One engagement number for every media, whatever its age and kind: {@code total_interactions} when
 * the API gave it, else the sum of likes, comments, saved and shares that are present (the
 * definition that replaced the retired {@code engagement} metric).
 */
public final class Engagement {

  private static final List<String> PARTS = List.of("likes", "comments", "saved", "shares");

  private Engagement() {}

  public static OptionalLong normalized(Map<String, Long> values) {
    Long total = values.get("total_interactions");
    if (total != null) {
      return OptionalLong.of(total);
    }
    long sum = 0;
    boolean any = false;
    for (String part : PARTS) {
      Long v = values.get(part);
      if (v != null) {
        sum += v;
        any = true;
      }
    }
    return any ? OptionalLong.of(sum) : OptionalLong.empty();
  }
}
