package dev.gradus.runner.report;

import java.math.BigDecimal;

/**
 * Tick labels a reader takes in at a glance: powers of ten as {@code 0.001 … 1000} and beyond that
 * as {@code 1e-8} or {@code 1e6}; powers of two as whole numbers up to 1024 and {@code 2^k} beyond;
 * anything else with three significant digits. Never {@code 402.2110552763819}.
 */
final class TickLabels {
  private TickLabels() {}

  /** The label of a tick at {@code value} on an axis of the given base (10, or 2). */
  static String label(double value, int base) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : Double.toString(value);
    }
    double exponent = Math.log(Math.abs(value)) / Math.log(base);
    long k = Math.round(exponent);
    boolean power = Math.abs(exponent - k) < 1e-9;
    String sign = value < 0 ? "-" : "";
    if (power && base == 10) {
      return sign
          + (Math.abs(k) <= 3
              ? BigDecimal.ONE.scaleByPowerOfTen((int) k).toPlainString()
              : "1e" + k);
    }
    if (power && base == 2) {
      return sign
          + (k >= -3 && k <= 10 ? new BigDecimal(Math.pow(2, k)).toPlainString() : "2^" + k);
    }
    return plain(value);
  }

  /** Three significant digits, no exponent for 0.001 ≤ |v| < 10⁶, trailing zeros dropped. */
  static String plain(double v) {
    return NumberText.significant(v);
  }
}
