package io.igpulse.enricher.service;

import io.igpulse.simulator.world.Media;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks young simulator posts for a test, each test its own: media already handed out in this JVM
 * are not handed out again, so tests sharing the topics never see each other's snapshots as theirs.
 * Moves the simulated clock forward when the world has no young post of the kind yet.
 */
final class Youngest {

  /** Accounts whose media a test took (guarded by the class lock). */
  static final Set<Integer> HANDED_OUT = new HashSet<>();

  /** Accounts reserved for tests that break tokens. */
  static final int FIRST_RESERVED_ACCOUNT = 45;

  private Youngest() {}

  /** One live story 20 min to 5 h old now, from an account of its own. */
  static synchronized Media story(EnricherHarness h) {
    for (int attempt = 0; attempt < 48; attempt++) {
      for (int a = 0; a < FIRST_RESERVED_ACCOUNT; a++) {
        if (HANDED_OUT.contains(a)) {
          continue;
        }
        Media story = h.youngStory(a, Duration.ofHours(5));
        if (story != null) {
          HANDED_OUT.add(a);
          return story;
        }
      }
      h.advance(Duration.ofHours(1));
    }
    throw new AssertionError("no young story in two simulated days");
  }

  /** {@code count} posts from at most {@code accounts} accounts, 20 min to 5 h old now. */
  static synchronized List<Media> posts(EnricherHarness h, int count, int accounts, String kind) {
    for (int attempt = 0; attempt < 48; attempt++) {
      List<Media> out = new ArrayList<>();
      Set<Integer> used = new HashSet<>();
      for (int a = 0; a < FIRST_RESERVED_ACCOUNT && out.size() < count; a++) {
        if (HANDED_OUT.contains(a)) {
          continue;
        }
        for (Media m : h.youngPosts(a, count, Duration.ofHours(5), kind)) {
          if (out.size() < count && (used.contains(a) || used.size() < accounts)) {
            out.add(m);
            used.add(a);
          }
        }
      }
      if (out.size() == count) {
        HANDED_OUT.addAll(used);
        return out;
      }
      h.advance(Duration.ofHours(1));
    }
    throw new AssertionError("no " + count + " young " + kind + " posts in two simulated days");
  }
}
