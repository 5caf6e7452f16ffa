package dev.gradus.spi;

import java.util.Locale;

/**
 * An interval of allowed numbers, each end open or closed; infinite ends are open. Printed in
 * interval notation, such as {@code [0, 1)} or {@code (0, ∞)}, in error messages.
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
  public static final Range ALL =
      new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

  public Range {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("not an interval: min " + min + ", max " + max);
    }
  }

  /** [min, max]. */
  public static Range closed(double min, double max) {
    return new Range(min, true, max, true);
  }

  /** [min, max). */
  public static Range closedOpen(double min, double max) {
    return new Range(min, true, max, false);
  }

  /** [min, ∞). */
  public static Range atLeast(double min) {
    return new Range(min, true, Double.POSITIVE_INFINITY, false);
  }

  /** (min, ∞). */
  public static Range greaterThan(double min) {
    return new Range(min, false, Double.POSITIVE_INFINITY, false);
  }

  public boolean contains(double v) {
    if (Double.isNaN(v)) {
      return false;
    }
    boolean aboveMin = minInclusive ? v >= min : v > min;
    boolean belowMax = maxInclusive ? v <= max : v < max;
    return aboveMin && belowMax;
  }

  @Override
  public String toString() {
    return (minInclusive ? "[" : "(")
        + format(min)
        + ", "
        + format(max)
        + (maxInclusive ? "]" : ")");
  }

  private static String format(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "∞";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 0x1p63) {
      return Long.toString((long) v); // whole ends read as integers, 2^61 as 2305843009213693952
    }
    return String.format(Locale.ROOT, "%s", v);
  }
}
