package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A Facebook Page from {@code /me/accounts} and the Instagram business account linked to it. */
public record PageAccount(String pageId, String name, Optional<String> igUserId) {

  public static PageAccount from(JsonNode n) {
    JsonNode ig = n.path("instagram_business_account").path("id");
    return new PageAccount(
        n.path("id").asText(),
        n.path("name").asText(null),
        ig.isMissingNode() || ig.isNull() ? Optional.empty() : Optional.of(ig.asText()));
  }
}
