package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.auth.TokenInfo;

/** The endpoint handlers the {@link Router} dispatches to, built once. */
final class Handlers {

  final AccountEndpoints accounts;
  final MediaListing listing;
  final MediaEndpoints media;
  final HashtagEndpoints hashtags;
  final AccountInsights accountInsights;
  private final TokenRegistry tokens;

  Handlers(
      AccountEndpoints accounts,
      MediaListing listing,
      MediaEndpoints media,
      HashtagEndpoints hashtags,
      AccountInsights accountInsights,
      TokenRegistry tokens) {
    this.accounts = accounts;
    this.listing = listing;
    this.media = media;
    this.hashtags = hashtags;
    this.accountInsights = accountInsights;
    this.tokens = tokens;
  }

  /** {@code GET /refresh_access_token?grant_type=ig_refresh_token}. */
  ObjectNode refresh(Call call) {
    if (!"ig_refresh_token".equals(call.param("grant_type"))) {
      throw GraphErrors.invalidParameter("The parameter grant_type must be ig_refresh_token")
          .exception();
    }
    TokenInfo fresh = tokens.refresh(call.token(), call.nowSec());
    ObjectNode result = Json.object();
    result.put("access_token", fresh.token());
    result.put("token_type", "bearer");
    result.put("expires_in", fresh.expiresSec() - call.nowSec());
    return result;
  }
}
