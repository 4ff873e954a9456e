package io.igpulse.graphapi.metrics;

import io.igpulse.graphapi.version.ApiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API has told this client it no longer accepts: metric names per scope (a media kind, or
 * the listing expansion) and API version. Learned from code-100 answers so that a retired metric
 * costs one failed call per scope, not one per media; kept for the life of the client.
 */
public final class RetiredMetrics {

  /** One line of the memory, for reporting. */
  public record Entry(String scope, ApiVersion version, String metric) {}

  private final Map<String, Set<String>> byScope = new ConcurrentHashMap<>();

  /** Remembers that {@code metric} is refused; true if this is news. */
  public boolean retire(String scope, ApiVersion version, String metric) {
    return byScope
        .computeIfAbsent(key(scope, version), k -> ConcurrentHashMap.newKeySet())
        .add(metric);
  }

  public boolean isRetired(String scope, ApiVersion version, String metric) {
    Set<String> set = byScope.get(key(scope, version));
    return set != null && set.contains(metric);
  }

  /** {@code metrics} without those known to be refused for the scope and version. */
  public List<String> filter(String scope, ApiVersion version, List<String> metrics) {
    Set<String> set = byScope.get(key(scope, version));
    if (set == null || set.isEmpty()) {
      return metrics;
    }
    List<String> out = new ArrayList<>(metrics.size());
    for (String m : metrics) {
      if (!set.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    byScope.forEach(
        (key, set) -> {
          int at = key.lastIndexOf('@');
          ApiVersion v = ApiVersion.parse(key.substring(at + 1));
          set.forEach(m -> out.add(new Entry(key.substring(0, at), v, m)));
        });
    return out;
  }

  private static String key(String scope, ApiVersion version) {
    return scope + "@" + version.path();
  }
}
