package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;

/** An Instagram business or creator account's own fields; counts are null when not requested. */
public record IgAccount(
    String id,
    String username,
    String name,
    Long followersCount,
    Long followsCount,
    Long mediaCount,
    String profilePictureUrl) {

  public static final String FIELDS =
      "id,username,name,followers_count,follows_count,media_count,profile_picture_url";

  public static IgAccount from(JsonNode n) {
    return new IgAccount(
        n.path("id").asText(),
        Json.text(n, "username"),
        Json.text(n, "name"),
        Json.longOrNull(n, "followers_count"),
        Json.longOrNull(n, "follows_count"),
        Json.longOrNull(n, "media_count"),
        Json.text(n, "profile_picture_url"));
  }
}
