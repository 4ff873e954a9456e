package io.igpulse.graphapi.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code fields=} values, including nested expansions such as {@code
 * insights.metric(reach,saved)} and {@code children{id,media_type}}, so that one request brings a
 * page of media together with their insights instead of one request per media.
 */
public final class Fields {

  /** The media fields the client reads by default. */
  public static final List<String> MEDIA =
      List.of(
          "id",
          "timestamp",
          "media_type",
          "media_product_type",
          "caption",
          "permalink",
          "username",
          "like_count",
          "comments_count");

  /**
   * The public counters of a media igpulse does not own, as the edges that list it give them (tags,
   * mentioned media, hashtag media): enough to follow its likes and comments over time.
   */
  public static final List<String> PUBLIC_COUNTERS =
      List.of("id", "timestamp", "like_count", "comments_count");

  private final List<String> parts = new ArrayList<>();

  public static Fields of(List<String> names) {
    Fields f = new Fields();
    f.parts.addAll(names);
    return f;
  }

  public static Fields of(String... names) {
    return of(List.of(names));
  }

  /** Adds {@code insights.metric(a,b,c)}; the metric list is required by the API. */
  public Fields insights(List<String> metrics) {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("nested insights need at least one metric");
    }
    parts.add("insights.metric(" + String.join(",", metrics) + ")");
    return this;
  }

  /** Adds {@code name{sub,fields}}. */
  public Fields nested(String name, List<String> subFields) {
    parts.add(name + "{" + String.join(",", subFields) + "}");
    return this;
  }

  public String value() {
    return String.join(",", parts);
  }

  @Override
  public String toString() {
    return value();
  }
}
