package io.igpulse.graphapi.paging;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list answer. {@code next} has had every token and proof removed, so a page can be
 * logged or kept; the client puts the caller's credentials back when it follows it.
 */
public record Page<T>(List<T> items, Optional<String> next) {

  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return next.isPresent();
  }
}
