package io.igpulse.graphapi.metrics;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the metric a code-100 refusal is about when the message names none: asks again with half of
 * the candidates and keeps the half that still fails, so {@code n} metrics cost at most ⌈log2 n⌉ +
 * 1 extra calls. A metric is blamed only once a probe without it succeeded, so an error that has
 * nothing to do with metrics (every probe fails) blames nothing. Pure apart from the probe it is
 * handed.
 */
public final class MetricBisector {

  /** What one probe with a subset of the metrics got. */
  public enum Probe {
    /** The subset was answered: none of it is refused. */
    ACCEPTED,
    /** The subset failed with the same kind of code-100 refusal. */
    REFUSED,
    /** Any other error: stop searching. */
    OTHER
  }

  private final int maxProbes;

  /**
   * @param maxProbes the most probes one search may make
   */
  public MetricBisector(int maxProbes) {
    if (maxProbes < 1) {
      throw new IllegalArgumentException("maxProbes must be ≥ 1: " + maxProbes);
    }
    this.maxProbes = maxProbes;
  }

  /** The probes a search over {@code n} metrics makes at most. */
  public static int probesFor(int n) {
    int halvings = 0;
    for (int size = n; size > 1; size = (size + 1) / 2) {
      halvings++;
    }
    return halvings + 1;
  }

  /**
   * The refused metric among {@code metrics} (which, all together, were refused), or empty when the
   * probes do not single one out within the bound.
   */
  public Future<Optional<String>> culprit(
      List<String> metrics, Function<List<String>, Future<Probe>> probe) {
    if (metrics.size() < 2) {
      return Future.succeededFuture(Optional.empty());
    }
    return narrow(List.copyOf(metrics), List.copyOf(metrics), probe, 0, false);
  }

  private Future<Optional<String>> narrow(
      List<String> all,
      List<String> candidates,
      Function<List<String>, Future<Probe>> probe,
      int probes,
      boolean acceptedSeen) {
    if (candidates.size() == 1) {
      String suspect = candidates.get(0);
      if (acceptedSeen) {
        return Future.succeededFuture(Optional.of(suspect));
      }
      if (probes >= maxProbes) {
        return Future.succeededFuture(Optional.empty());
      }
      // Every probe failed so far: blame the suspect only if the rest is answered without it.
      List<String> rest = all.stream().filter(m -> !m.equals(suspect)).toList();
      return probe
          .apply(rest)
          .map(p -> p == Probe.ACCEPTED ? Optional.of(suspect) : Optional.<String>empty());
    }
    if (probes >= maxProbes) {
      return Future.succeededFuture(Optional.empty());
    }
    int half = (candidates.size() + 1) / 2;
    List<String> first = candidates.subList(0, half);
    List<String> second = candidates.subList(half, candidates.size());
    return probe
        .apply(first)
        .compose(
            p ->
                switch (p) {
                  case REFUSED -> narrow(all, first, probe, probes + 1, acceptedSeen);
                  case ACCEPTED -> narrow(all, second, probe, probes + 1, true);
                  case OTHER -> Future.succeededFuture(Optional.<String>empty());
                });
  }
}
