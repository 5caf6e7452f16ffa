package dev.gradus.runner.plan;

import java.nio.charset.StandardCharsets;

/**
 * Derives each run's seed from the master seed and the run's coordinates with SplitMix64, so that
 * the seed of a run does not depend on which other runs a suite has, nor on the order they run in.
 */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit seed for {@code key} under {@code master}. */
  public static long derive(long master, String key) {
    long h = 0xcbf29ce484222325L; // FNV-1a 64 of the key's UTF-8 bytes
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(mix(master) ^ h);
  }

  /** The SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
