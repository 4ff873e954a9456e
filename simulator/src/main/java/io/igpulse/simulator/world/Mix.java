package io.igpulse.simulator.world;

/**
 * Stateless deterministic randomness: every attribute of the world is a hash of the seed and the
 * thing's coordinates, so nothing needs storing and any part can be regenerated in any order.
 */
public final class Mix {

  private Mix() {}

  /** The SplitMix64 finaliser: a good 64-bit mix of one value. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public static long hash(long seed, long a) {
    return mix(seed * 0x9e3779b97f4a7c15L + mix(a));
  }

  public static long hash(long seed, long a, long b) {
    return mix(hash(seed, a) + 0x632be59bd9b4e019L * mix(b));
  }

  public static long hash(long seed, long a, long b, long c) {
    return mix(hash(seed, a, b) ^ mix(c + 0x2545f4914f6cdd1dL));
  }

  /** A double in [0, 1) from a hash. */
  public static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** A double in [lo, hi) from a hash. */
  public static double between(long hash, double lo, double hi) {
    return lo + unit(hash) * (hi - lo);
  }

  /** An int in [0, bound) from a hash. */
  public static int below(long hash, int bound) {
    return (int) Math.floorMod(hash >>> 1, (long) bound);
  }
}
