package io.igpulse.graphapi.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.AppSecretProof;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Packs up to 50 GET calls into one {@code POST /} batch, so that refreshing many objects costs one
 * HTTP request (each item still counts against the rate limits). An item added without a token is
 * answered with the batch request's own credentials; an item added with a token of its own (another
 * account's) carries it, with its {@code appsecret_proof}, in its relative URL, which is how the
 * API lets one batch span accounts. Those URLs exist only inside the POST body built by {@link
 * #toJson(AccessToken, Optional)}: never log that body.
 */
public final class BatchBuilder {

  public static final int MAX_ITEMS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<GraphCall> calls = new ArrayList<>();
  private final List<AccessToken> tokens = new ArrayList<>();

  public BatchBuilder add(GraphCall call) {
    return add(call, null);
  }

  /** An item answered with {@code token} (null: the batch request's own). */
  public BatchBuilder add(GraphCall call, AccessToken token) {
    if (calls.size() >= MAX_ITEMS) {
      throw new IllegalStateException("a batch holds at most " + MAX_ITEMS + " calls");
    }
    if (call.isAbsolute()) {
      throw new IllegalArgumentException("batch items need a relative path");
    }
    calls.add(call);
    tokens.add(token);
    return this;
  }

  public boolean isFull() {
    return calls.size() >= MAX_ITEMS;
  }

  public int size() {
    return calls.size();
  }

  public List<GraphCall> calls() {
    return List.copyOf(calls);
  }

  /** The item's own token, or null when it uses the batch request's. */
  public AccessToken tokenOf(int item) {
    return tokens.get(item);
  }

  /**
   * The {@code batch} form parameter, {@code [{"method":"GET","relative_url":"..."}]}, with every
   * item answered by the batch request's credentials.
   */
  public String toJson() {
    ArrayNode array = JSON.createArrayNode();
    for (GraphCall call : calls) {
      array.addObject().put("method", "GET").put("relative_url", relativeUrl(call));
    }
    return array.toString();
  }

  /**
   * The {@code batch} form parameter for a request sent with {@code outer}: items with a token of
   * their own that differs from it name that token (and its proof when the app has a secret).
   */
  public String toJson(AccessToken outer, Optional<String> appSecret) {
    Objects.requireNonNull(outer, "outer");
    ArrayNode array = JSON.createArrayNode();
    for (int i = 0; i < calls.size(); i++) {
      String url = relativeUrl(calls.get(i));
      AccessToken own = tokens.get(i);
      if (own != null && !own.value().equals(outer.value())) {
        StringBuilder sb = new StringBuilder(url).append(url.indexOf('?') < 0 ? '?' : '&');
        sb.append("access_token=").append(URLEncoder.encode(own.value(), StandardCharsets.UTF_8));
        appSecret.ifPresent(
            secret ->
                sb.append("&appsecret_proof=").append(AppSecretProof.of(own.value(), secret)));
        url = sb.toString();
      }
      array.addObject().put("method", "GET").put("relative_url", url);
    }
    return array.toString();
  }

  /** {@code 178.../insights?metric=reach%2Csaved} (no leading slash, no version). */
  public static String relativeUrl(GraphCall call) {
    String path = call.path().startsWith("/") ? call.path().substring(1) : call.path();
    StringBuilder sb = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : call.params().entrySet()) {
      sb.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return sb.toString();
  }

  /** Splits calls into batches of at most 50. */
  public static List<BatchBuilder> chunk(List<GraphCall> all) {
    List<BatchBuilder> out = new ArrayList<>();
    BatchBuilder current = null;
    for (GraphCall call : all) {
      if (current == null || current.isFull()) {
        current = new BatchBuilder();
        out.add(current);
      }
      current.add(call);
    }
    return out;
  }
}
