package io.igpulse.local;

import java.util.function.Consumer;

/** Where everything of a started local run is, printed once. */
final class Banner {

  private Banner() {}

  static void print(LocalStack stack, Consumer<String> out) {
    LocalConfig.Ports p = stack.config().ports();
    out.accept("igpulse: running. Ctrl-C stops it; the next start continues with the same data.");
    out.accept("  dashboard   " + stack.aggregatorUrl() + "/");
    out.accept("  query API   " + stack.aggregatorUrl() + "/api/hashtags/top?window=PT1H");
    out.accept(
        "  admin API   "
            + stack.collectorUrl()
            + "/admin/accounts (bearer token in "
            + stack.data().adminToken()
            + ")");
    out.accept(
        "  metrics     http://127.0.0.1:"
            + p.collectorManagement()
            + "/metrics (collector), :"
            + p.enricherManagement()
            + " (enricher), :"
            + p.aggregatorManagement()
            + " (aggregator)");
    stack
        .simulator()
        .ifPresent(sim -> out.accept("  simulator   " + sim.baseUrl() + "/_sim/world"));
    out.accept("  logs        " + stack.data().logs().resolve("igpulse.log"));
  }
}
