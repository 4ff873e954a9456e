package io.igpulse.graphapi.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Packs up to 50 GET calls into one {@code POST /} batch, so that refreshing many objects costs one
 * HTTP request (each item still counts against the rate limits). Relative URLs carry no token: the
 * batch request's own credentials apply to every item.
 */
public final class BatchBuilder {

  public static final int MAX_ITEMS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<GraphCall> calls = new ArrayList<>();

  public BatchBuilder add(GraphCall call) {
    if (calls.size() >= MAX_ITEMS) {
      throw new IllegalStateException("a batch holds at most " + MAX_ITEMS + " calls");
    }
    if (call.isAbsolute()) {
      throw new IllegalArgumentException("batch items need a relative path");
    }
    calls.add(call);
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

  /** The {@code batch} form parameter: {@code [{"method":"GET","relative_url":"..."}]}. */
  public String toJson() {
    ArrayNode array = JSON.createArrayNode();
    for (GraphCall call : calls) {
      array.addObject().put("method", "GET").put("relative_url", relativeUrl(call));
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
