package dev.gradus.spi;

import java.util.Arrays;

/**
 * A run's own stream of random numbers (SPI 1.2): xoshiro256** seeded through SplitMix64, with
 * Gaussians by Marsaglia's polar method. The same seed gives the same numbers on every JVM, thread,
 * shard and executor, and {@link #snapshot()} captures the position exactly, so that a checkpointed
 * run resumes its stream where it stopped. Not thread-safe: a stream belongs to one run.
 */
public final class RandomStream {
  private final long[] s = new long[4];
  private boolean hasSpare;
  private double spare;

  /** A stream started from {@code seed}. */
  public RandomStream(long seed) {
    long z = seed;
    for (int i = 0; i < 4; i++) {
      z += 0x9e3779b97f4a7c15L;
      s[i] = mix(z);
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s[1] * 5, 7) * 9;
    long t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = Long.rotateLeft(s[3], 45);
    return result;
  }

  /** Uniform in [0, 1), a multiple of 2⁻⁵³. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Uniform in [0, bound), without modulo bias.
   *
   * @throws IllegalArgumentException unless bound > 0
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    // Lemire's multiply-and-reject on 32 random bits
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Standard normal. */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double q;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q == 0);
    // StrictMath: the same bits on every JVM and platform, which Math.log does not promise
    double scale = Math.sqrt(-2 * StrictMath.log(q) / q);
    spare = v * scale;
    hasSpare = true;
    return u * scale;
  }

  /** The stream's position: six numbers that {@link #restore} takes back. */
  public long[] snapshot() {
    return new long[] {s[0], s[1], s[2], s[3], hasSpare ? 1 : 0, Double.doubleToRawLongBits(spare)};
  }

  /**
   * A stream at the position {@code snapshot} recorded.
   *
   * @throws IllegalArgumentException for an array that is not a snapshot
   */
  public static RandomStream restore(long[] snapshot) {
    if (snapshot == null || snapshot.length != 6 || (snapshot[4] != 0 && snapshot[4] != 1)) {
      throw new IllegalArgumentException(
          "not a random-stream snapshot: "
              + (snapshot == null
                  ? "null"
                  : Arrays.toString(Arrays.copyOf(snapshot, Math.min(6, snapshot.length)))));
    }
    RandomStream r = new RandomStream(0);
    System.arraycopy(snapshot, 0, r.s, 0, 4);
    r.hasSpare = snapshot[4] == 1;
    r.spare = Double.longBitsToDouble(snapshot[5]);
    return r;
  }
}
