package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /} with {@code batch=[...]}: at most 50 items, each answered (and charged) as its own
 * call; the answer is one {@code {code, headers, body}} per item with the body as a JSON string.
 */
final class Batch {

  static final int MAX_ITEMS = 50;

  private final GraphApi api;

  Batch(GraphApi api) {
    this.api = api;
  }

  ArrayNode answer(GraphRequest request) {
    JsonNode items = items(request.param("batch"));
    if (items.size() > MAX_ITEMS) {
      throw GraphErrors.invalidParameter(
              "Too many requests in batch message. Maximum batch size is " + MAX_ITEMS)
          .exception();
    }
    ArrayNode answers = Json.array();
    for (JsonNode item : items) {
      String method = item.path("method").asText("GET");
      String relative = item.path("relative_url").asText("");
      int query = relative.indexOf('?');
      String path = query < 0 ? relative : relative.substring(0, query);
      Map<String, String> params =
          query < 0 ? new LinkedHashMap<>() : QueryStrings.parse(relative.substring(query + 1));
      if (!params.containsKey("access_token") && request.token() != null) {
        params.put("access_token", request.token());
      }
      if (!params.containsKey("appsecret_proof") && request.param("appsecret_proof") != null) {
        params.put("appsecret_proof", request.param("appsecret_proof"));
      }
      String fullPath = path.startsWith("/") ? path : "/" + path;
      String first = fullPath.length() > 1 ? fullPath.substring(1).split("/", 2)[0] : "";
      if (ApiVersion.parse(first) == null) {
        fullPath = "/" + request.version() + fullPath;
      }
      GraphResponse response = api.handle(method.toUpperCase(Locale.ROOT), fullPath, params, null);
      ObjectNode answer = answers.addObject();
      answer.put("code", response.status());
      ObjectNode header = answer.putArray("headers").addObject();
      header.put("name", "Content-Type");
      header.put("value", GraphApi.CONTENT_TYPE);
      answer.put("body", response.bodyText());
    }
    return answers;
  }

  private static JsonNode items(String batch) {
    if (batch == null || batch.isBlank()) {
      throw GraphErrors.invalidParameter("The parameter batch is required").exception();
    }
    try {
      JsonNode items = Json.parse(batch);
      if (!items.isArray()) {
        throw GraphErrors.invalidParameter("The parameter batch must be a JSON array").exception();
      }
      return items;
    } catch (UncheckedIOException e) {
      throw GraphErrors.invalidParameter("The parameter batch must be a JSON array").exception();
    }
  }
}
