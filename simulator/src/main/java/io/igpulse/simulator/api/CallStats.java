package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of calls per endpoint and per token, throttles served and errors, for {@code /_sim/stats}.
 */
public final class CallStats {

  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byToken = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> throttles = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> nonOwnerReads = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();

  public void call(Endpoint endpoint, String tokenLabel) {
    total.increment();
    byEndpoint.computeIfAbsent(endpoint.label(), k -> new LongAdder()).increment();
    if (tokenLabel != null) {
      byToken.computeIfAbsent(tokenLabel, k -> new LongAdder()).increment();
    }
  }

  public void error(int code, Integer subcode) {
    String key = subcode == null ? Integer.toString(code) : code + "/" + subcode;
    errors.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** A refused read of media the caller's token does not own (also counted as an error). */
  public void nonOwnerRead(Endpoint endpoint) {
    nonOwnerReads.computeIfAbsent(endpoint.label(), k -> new LongAdder()).increment();
  }

  public long nonOwnerReads() {
    return nonOwnerReads.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public void throttle(int code) {
    throttles.computeIfAbsent(Integer.toString(code), k -> new LongAdder()).increment();
  }

  public void fault(String kind) {
    faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  public long total() {
    return total.sum();
  }

  public long calls(Endpoint endpoint) {
    LongAdder adder = byEndpoint.get(endpoint.label());
    return adder == null ? 0 : adder.sum();
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("calls", total.sum());
    put(node.putObject("by_endpoint"), byEndpoint);
    put(node.putObject("by_token"), byToken);
    put(node.putObject("throttles"), throttles);
    put(node.putObject("errors"), errors);
    put(node.putObject("faults"), faults);
    node.put("non_owner_reads", nonOwnerReads());
    put(node.putObject("non_owner_reads_by_endpoint"), nonOwnerReads);
    return node;
  }

  private static void put(ObjectNode target, Map<String, LongAdder> counts) {
    new TreeMap<>(counts).forEach((key, value) -> target.put(key, value.sum()));
  }
}
