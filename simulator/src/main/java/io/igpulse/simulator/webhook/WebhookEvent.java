package io.igpulse.simulator.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.Json;

/** One change notification for one account, and the envelope the real API wraps it in. */
public record WebhookEvent(long igUserId, long timeSec, String field, ObjectNode value) {

  public ObjectNode envelope() {
    ObjectNode root = Json.object();
    root.put("object", "instagram");
    ObjectNode entry = root.putArray("entry").addObject();
    entry.put("id", Long.toString(igUserId));
    entry.put("time", timeSec);
    ObjectNode change = entry.putArray("changes").addObject();
    change.put("field", field);
    change.set("value", value);
    return root;
  }
}
