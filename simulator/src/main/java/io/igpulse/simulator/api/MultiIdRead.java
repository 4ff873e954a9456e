package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /?ids=a,b,c&fields=...}: one answer keyed by id, each id read and charged as its own
 * call (so it counts as three calls); the first failing id fails the whole request.
 */
final class MultiIdRead {

  static final int MAX_IDS = 50;

  private final GraphApi api;

  MultiIdRead(GraphApi api) {
    this.api = api;
  }

  GraphResponse answer(ApiVersion version, Map<String, String> params, String bearer) {
    String[] ids = params.get("ids").split(",");
    if (ids.length > MAX_IDS) {
      throw GraphErrors.invalidParameter("Too many IDs. Maximum: " + MAX_IDS).exception();
    }
    Map<String, String> each = new LinkedHashMap<>(params);
    each.remove("ids");
    ObjectNode result = Json.object();
    GraphResponse last = null;
    for (String id : ids) {
      String trimmed = id.trim();
      last = api.handle("GET", "/" + version + "/" + trimmed, each, bearer);
      if (last.status() != 200) {
        return last;
      }
      result.set(trimmed, Json.parse(last.bodyText()));
    }
    return new GraphResponse(200, last.headers(), Json.bytes(result), Endpoint.IDS);
  }
}
