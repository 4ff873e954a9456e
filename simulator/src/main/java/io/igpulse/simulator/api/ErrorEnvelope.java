package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders the error envelope, leaving out the members an error does not have. */
public final class ErrorEnvelope {

  private ErrorEnvelope() {}

  public static ObjectNode of(GraphError error, String fbtraceId) {
    ObjectNode root = Json.object();
    ObjectNode e = root.putObject("error");
    e.put("message", error.message());
    e.put("type", error.type());
    e.put("code", error.code());
    if (error.subcode() != null) {
      e.put("error_subcode", error.subcode());
    }
    if (error.transientError() != null) {
      e.put("is_transient", error.transientError());
    }
    if (error.userTitle() != null) {
      e.put("error_user_title", error.userTitle());
    }
    if (error.userMessage() != null) {
      e.put("error_user_msg", error.userMessage());
    }
    e.put("fbtrace_id", fbtraceId);
    return root;
  }
}
