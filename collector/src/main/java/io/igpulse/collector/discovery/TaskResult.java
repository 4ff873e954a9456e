package io.igpulse.collector.discovery;

import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import java.util.List;

/**
 * What one poll found and, when a call was refused on the way, why; a poll over several hashtags
 * may do both.
 */
public record TaskResult(List<Discovery> found, GraphError error) {

  public static TaskResult of(List<Discovery> found) {
    return new TaskResult(found, null);
  }

  public static <T> TaskResult failed(GraphResult<T> result) {
    return new TaskResult(List.of(), result.error());
  }
}
