package io.igpulse.simulator.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Every error the simulator serves, with the exact codes and messages of GRAPH-API.md. */
public final class GraphErrors {

  private static final String OAUTH = "OAuthException";
  private static final String METHOD = "GraphMethodException";
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US)
          .withZone(ZoneId.of("America/Los_Angeles"));

  private GraphErrors() {}

  /**
   * A refused media metric in the given wording; {@code asked} is the request's metric list (the
   * indexed wording points into it) and {@code allowed} what the media accepts.
   */
  public static GraphError refusedMetric(
      RefusalWording wording, String metric, List<String> asked, List<String> allowed) {
    return switch (wording) {
      case INDEXED ->
          invalidParameter(
              "metric["
                  + asked.indexOf(metric)
                  + "] must be one of the following values: "
                  + String.join(", ", allowed));
      case NO_LONGER_SUPPORTED ->
          invalidParameter(
              "Starting from version 22 and above, the "
                  + metric
                  + " metric is no longer supported. Please use the views metric instead.");
      case UNNAMED -> invalidParameter("Invalid parameter");
      case NAMED, BY_VERSION -> unsupportedMetric(metric);
    };
  }

  /**
   * An error by code as the API words it, for injection: 80001 (Pages throttle), 200 (permission),
   * 368 (policy block), 190 with a subcode, 10 (not enough viewers), 1 and 2.
   */
  public static GraphError byCode(int code, Integer subcode) {
    return switch (code) {
      case 4, 17, 32, 613, 80002 -> throttled(code);
      case 80001 ->
          new GraphError(
              400,
              "(#80001) There have been too many calls to this Page account. Wait a bit and try"
                  + " again.",
              OAUTH,
              80001,
              null,
              true,
              null,
              null);
      case 200 ->
          new GraphError(
              400,
              "(#200) Requires instagram_manage_insights permission to manage the object",
              OAUTH,
              200,
              subcode,
              false,
              null,
              null);
      case 368 ->
          new GraphError(
              400,
              "(#368) The action attempted has been deemed abusive or is otherwise disallowed",
              OAUTH,
              368,
              subcode,
              false,
              null,
              null);
      case 190 ->
          new GraphError(
              400,
              "Error validating access token: the session is invalid (subcode " + subcode + ")",
              OAUTH,
              190,
              subcode,
              false,
              null,
              null);
      case 10 -> notEnoughViewers();
      case 1, 2 -> transientServerError();
      default ->
          new GraphError(
              400, "(#" + code + ") Injected error", OAUTH, code, subcode, false, null, null);
    };
  }

  public static GraphError unsupportedMetric(String metric) {
    return new GraphError(
        400,
        "(#100) The Media Insights API does not support the "
            + metric
            + " metric for this media product type.",
        OAUTH,
        100,
        null,
        null,
        null,
        null);
  }

  public static GraphError invalidParameter(String message) {
    return new GraphError(400, "(#100) " + message, OAUTH, 100, null, null, null, null);
  }

  public static GraphError nonexistingField(String field, String nodeType) {
    return invalidParameter(
        "Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
  }

  public static GraphError objectDoesNotExist(String id) {
    return new GraphError(
        400,
        "Unsupported get request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation. Please read the Graph API documentation at"
            + " https://developers.facebook.com/docs/graph-api",
        METHOD,
        100,
        33,
        null,
        null,
        null);
  }

  /**
   * A direct read (fields, children, insights) of media another account owns. The real API does not
   * tell "not yours" from "does not exist": both are 100 / 33 naming the object (see README).
   */
  public static GraphException nonOwnerRead(String id) {
    return GraphException.nonOwnerRead(objectDoesNotExist(id));
  }

  public static GraphError unknownPath(String path) {
    return new GraphError(
        400, "Unknown path components: " + path, OAUTH, 2500, null, null, null, null);
  }

  public static GraphError preBusinessMedia() {
    return new GraphError(
        400,
        "Invalid parameter",
        OAUTH,
        100,
        2108006,
        false,
        "Media posted before business account conversion",
        "The media was posted before the most recent time that the user's account was converted to"
            + " a business account from a personal account.");
  }

  public static GraphError notEnoughViewers() {
    return new GraphError(
        400,
        "(#10) Not enough viewers for the media to show insights",
        OAUTH,
        10,
        null,
        false,
        null,
        null);
  }

  public static GraphError tokenRequired() {
    return new GraphError(
        400,
        "An access token is required to request this resource.",
        OAUTH,
        104,
        null,
        null,
        null,
        null);
  }

  public static GraphError tokenUnknown() {
    return new GraphError(
        400,
        "Invalid OAuth access token - Cannot parse access token",
        OAUTH,
        190,
        null,
        null,
        null,
        null);
  }

  public static GraphError tokenExpired(long expiredAtSec) {
    return new GraphError(
        400,
        "Error validating access token: Session has expired on "
            + EXPIRY.format(Instant.ofEpochSecond(expiredAtSec))
            + ".",
        OAUTH,
        190,
        463,
        null,
        null,
        null);
  }

  public static GraphError tokenRevoked() {
    return new GraphError(
        400,
        "Error validating access token: The session has been invalidated because the user changed"
            + " their password or Facebook has changed the session for security reasons.",
        OAUTH,
        190,
        460,
        null,
        null,
        null);
  }

  public static GraphError appsecretProofMissing() {
    return new GraphError(
        400,
        "API calls from the server require an appsecret_proof argument",
        METHOD,
        100,
        null,
        null,
        null,
        null);
  }

  public static GraphError appsecretProofInvalid() {
    return new GraphError(
        400,
        "Invalid appsecret_proof provided in the API argument",
        METHOD,
        100,
        null,
        null,
        null,
        null);
  }

  public static GraphError transientServerError() {
    return new GraphError(
        500,
        "An unexpected error has occurred. Please retry your request later.",
        OAUTH,
        2,
        null,
        true,
        null,
        null);
  }

  /** One of the throttles: 4 (app), 17 (user), 32 (page), 613 (hashtag platform), 80002 (BUC). */
  public static GraphError throttled(int code) {
    String message =
        switch (code) {
          case 4 -> "(#4) Application request limit reached";
          case 17 -> "(#17) User request limit reached";
          case 32 -> "(#32) Page request limit reached";
          case 613 -> "(#613) Calls to this api have exceeded the rate limit.";
          case 80002 ->
              "(#80002) There have been too many calls to this Instagram account. Wait a bit and"
                  + " try again.";
          default -> throw new IllegalArgumentException("not a throttle code: " + code);
        };
    return new GraphError(400, message, OAUTH, code, null, true, null, null);
  }

  /** The 30-unique-hashtags-per-7-days rule; the code is our choice (see README). */
  public static GraphError hashtagQuotaSpent() {
    return new GraphError(
        400,
        "(#24) Hashtag search limit reached: at most 30 unique hashtags can be queried within 7"
            + " days",
        OAUTH,
        24,
        2207051,
        false,
        null,
        null);
  }
}
