package dev.gradus.spi;

import java.util.Arrays;

/** A box search domain: lower[i] ≤ x[i] ≤ upper[i]. Arrays are copied in and out. */
public record Domain(double[] lower, double[] upper) {
  public Domain {
    if (lower.length != upper.length) {
      throw new IllegalArgumentException(
          "domain: " + lower.length + " lower bounds but " + upper.length + " upper bounds");
    }
    for (int i = 0; i < lower.length; i++) {
      if (!(lower[i] <= upper[i])) {
        throw new IllegalArgumentException(
            "domain: lower bound " + lower[i] + " exceeds upper bound " + upper[i] + " at " + i);
      }
    }
    lower = lower.clone();
    upper = upper.clone();
  }

  /** The same interval [lower, upper] in each of {@code dimension} coordinates. */
  public static Domain cube(int dimension, double lower, double upper) {
    double[] lo = new double[dimension];
    double[] hi = new double[dimension];
    Arrays.fill(lo, lower);
    Arrays.fill(hi, upper);
    return new Domain(lo, hi);
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  public int dimension() {
    return lower.length;
  }

  /**
   * Whether lower[i] ≤ x[i] ≤ upper[i] for every i; false for a NaN coordinate and for a point of
   * another dimension. Branch-free within blocks of 1,024 coordinates, so that a large point is
   * tested at the speed of reading it: a run tests its point at every iteration, and a test that
   * stops at the first coordinate outside cost as much as an optimizer's step at 10⁶.
   */
  public boolean contains(double[] x) {
    if (x.length != lower.length) {
      return false;
    }
    for (int from = 0; from < x.length; from += 1024) {
      int to = Math.min(x.length, from + 1024);
      boolean inside = true;
      for (int i = from; i < to; i++) {
        inside &= x[i] >= lower[i] & x[i] <= upper[i];
      }
      if (!inside) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when x lies on a face of the box in some coordinate; false for a point of another
   * dimension, as for {@link #contains}.
   */
  public boolean onBoundary(double[] x) {
    if (x.length != lower.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] == lower[i] || x[i] == upper[i]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Domain d && Arrays.equals(lower, d.lower) && Arrays.equals(upper, d.upper);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lower.length; i++) {
      out.append(i == 0 ? "" : " × ").append('[').append(lower[i]).append(", ").append(upper[i]);
      out.append(']');
    }
    return out.toString();
  }
}
