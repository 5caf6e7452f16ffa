package dev.gradus.runner.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis of a static plot gets its ticks, and what they say. Linear axes step by 1, 2 or 5
 * times a power of ten (whole steps for an axis of integers), labelled exactly as decimals. Log
 * axes tick at whole powers (every k-th one when there are many, the others as minor ticks), with
 * minor ticks at 2…9 times each power of ten (labelled at 2 and 5 when at most three powers are in
 * range); an axis spanning less than two whole powers gets linear-style ticks instead, so it never
 * goes unlabelled.
 */
final class Ticks {
  /** Steps in whole powers a log axis may label, fewest labels last. */
  private static final int[] POWER_STEPS = {1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200, 500};

  private Ticks() {}

  /**
   * One tick.
   *
   * @param label the text under or beside it; empty for a minor tick
   */
  record Tick(double value, String label, boolean major) {}

  /**
   * The ticks of an axis, in increasing order of value, all within its range.
   *
   * @param most the most labelled ticks the axis has room for, at least 2
   */
  static List<Tick> of(Figure.Axis axis, int most) {
    int labels = Math.max(2, most);
    if (axis.scale() == Figure.Scale.LINEAR) {
      return linear(axis.min(), axis.max(), labels, axis.integers());
    }
    int base = axis.scale() == Figure.Scale.LOG10 ? 10 : 2;
    double lo = Math.log(axis.min()) / Math.log(base);
    double hi = Math.log(axis.max()) / Math.log(base);
    long first = (long) Math.ceil(lo - 1e-9);
    long last = (long) Math.floor(hi + 1e-9);
    if (last - first + 1 < 2) {
      return linear(axis.min(), axis.max(), labels, false);
    }
    int step = POWER_STEPS[POWER_STEPS.length - 1];
    for (int s : POWER_STEPS) {
      if (count(first, last, s) <= labels) {
        step = s;
        break;
      }
    }
    List<Tick> ticks = new ArrayList<>();
    for (long k = first - 1; k <= last; k++) {
      double power = Math.pow(base, k);
      if (k >= first) {
        boolean major = Math.floorMod(k, step) == 0;
        ticks.add(new Tick(power, major ? TickLabels.label(power, base) : "", major));
      }
      if (base == 10 && step == 1) {
        // two or three whole powers alone say little of the values between: label 2 and 5 times
        // them too
        boolean few = last - first + 1 <= 3;
        for (int m = 2; m <= 9; m++) {
          double v = m * power;
          if (v >= axis.min() && v <= axis.max()) {
            boolean labelled = few && (m == 2 || m == 5);
            ticks.add(new Tick(v, labelled ? TickLabels.label(v, base) : "", labelled));
          }
        }
      }
    }
    return ticks;
  }

  private static long count(long first, long last, int step) {
    return Math.floorDiv(last, step) - Math.floorDiv(first - 1, step);
  }

  private static List<Tick> linear(double min, double max, int labels, boolean integers) {
    double raw = (max - min) / labels;
    int exponent = (int) Math.floor(Math.log10(raw));
    int mantissa = 10;
    for (int m : new int[] {1, 2, 5, 10}) {
      if (m * Math.pow(10, exponent) >= raw * (1 - 1e-9)) {
        mantissa = m;
        break;
      }
    }
    BigDecimal step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
    if (integers && step.compareTo(BigDecimal.ONE) < 0) {
      step = BigDecimal.ONE;
    }
    double s = step.doubleValue();
    long first = (long) Math.ceil(min / s - 1e-9);
    long last = (long) Math.floor(max / s + 1e-9);
    List<Tick> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      BigDecimal value = step.multiply(BigDecimal.valueOf(k));
      ticks.add(new Tick(value.doubleValue(), decimal(value), true));
    }
    return ticks;
  }

  /** A tick value exactly: plain from 10⁻⁴ to below 10⁶, otherwise as {@code 2.5e7}. */
  static String decimal(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal v = value.stripTrailingZeros();
    double magnitude = Math.abs(v.doubleValue());
    if (magnitude >= 1e-4 && magnitude < 1e6) {
      return v.toPlainString();
    }
    return NumberText.scientific(v);
  }
}
