package io.igpulse.graphapi.outcome;

import java.util.function.Function;

/**
 * The outcome of one logical call: a value or a typed {@link GraphError}. Futures returned by the
 * client succeed with a result; they fail only on programming errors, so that the API's many
 * expected refusals are values a caller must look at rather than exceptions it might miss.
 */
public sealed interface GraphResult<T> {

  static <T> GraphResult<T> ok(T value) {
    return new Success<>(value);
  }

  static <T> GraphResult<T> failed(GraphError error) {
    return new Failure<>(error);
  }

  record Success<T>(T value) implements GraphResult<T> {}

  record Failure<T>(GraphError error) implements GraphResult<T> {}

  default boolean isSuccess() {
    return this instanceof Success<T>;
  }

  /** The value; throws when this is a failure (use after {@link #isSuccess()}). */
  default T value() {
    if (this instanceof Success<T> s) {
      return s.value();
    }
    throw new IllegalStateException("no value: " + error().describe());
  }

  /** The error, or null on success. */
  default GraphError error() {
    return this instanceof Failure<T> f ? f.error() : null;
  }

  default <R> GraphResult<R> map(Function<T, R> fn) {
    if (this instanceof Success<T> s) {
      return ok(fn.apply(s.value()));
    }
    return failed(error());
  }
}
