package io.igpulse.local;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The simulator's ground truth and the aggregator's query API, over HTTP as a user calls them. */
final class Truth {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String simulator;

  Truth(String simulatorUrl) {
    this.simulator = simulatorUrl;
  }

  /**
   * Engagement (total_interactions) the account's own media gained in [from, to): the total as
   * {@code engagement_gained}, each media that gained anything under {@code media}.
   */
  JsonObject ownEngagement(String account, Instant from, Instant to) {
    return get(
        simulator
            + "/_sim/truth/accounts/"
            + account
            + "/engagement?per_media=true&from="
            + from
            + "&to="
            + to);
  }

  /** Likes and comments gained in [from, to) by each media that tags or mentions the account. */
  JsonObject earned(String account, Instant from, Instant to) {
    return get(
        simulator + "/_sim/truth/accounts/" + account + "/earned?from=" + from + "&to=" + to);
  }

  /** Likes and comments gained in [from, to) by each media carrying the hashtag. */
  JsonObject hashtagPublic(String hashtag, Instant from, Instant to) {
    return get(
        simulator
            + "/_sim/truth/hashtags/"
            + encode(hashtag)
            + "/public?per_media=true&from="
            + from
            + "&to="
            + to);
  }

  /** What public counters show of a media's gain: its likes unless hidden, and its comments. */
  static long visibleGain(JsonObject media) {
    long likes = media.getBoolean("likes_hidden", false) ? 0 : media.getLong("likes_gained");
    return likes + media.getLong("comments_gained");
  }

  /** Posts and stories the account created in [from, to). */
  JsonObject createdMedia(String account, Instant from, Instant to) {
    return get(simulator + "/_sim/truth/media?account=" + account + "&from=" + from + "&to=" + to);
  }

  JsonObject get(String url) {
    return new JsonObject(body(url));
  }

  String getArray(String url) {
    return body(url);
  }

  private String body(String url) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
