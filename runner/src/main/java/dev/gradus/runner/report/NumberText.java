package dev.gradus.runner.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as the report shows them to a reader, and the exact values it keeps beside them. */
final class NumberText {
  private NumberText() {}

  /**
   * Three significant digits: plain from 10⁻³ up to 10⁶ ({@code 24.2}, {@code 0.00125}), otherwise
   * a mantissa and an exponent ({@code 3.86e-7}, {@code 1.23e6}); trailing zeros dropped, {@code 0}
   * for zero, {@code ∞} and {@code −∞} for infinities and empty text for NaN (no value).
   */
  static String significant(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded =
        new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    double magnitude = Math.abs(rounded.doubleValue());
    if (magnitude >= 1e-3 && magnitude < 1e6) {
      return rounded.toPlainString();
    }
    return scientific(rounded);
  }

  /**
   * A decimal without trailing zeros as a mantissa of one digit before the point and an exponent.
   */
  static String scientific(BigDecimal v) {
    String digits = v.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - v.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
  }

  /**
   * The value in full, as {@code summary.csv} writes it ({@link
   * dev.gradus.runner.results.Csv#number}); integers without a fraction; empty for NaN.
   */
  static String exact(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return dev.gradus.runner.results.Csv.number(v);
  }

  /**
   * A value rounded to about four significant digits (the nearest double to such a decimal, or
   * within an ulp of it), enough for a chart and a third of the text of a double in the page.
   */
  static double forChart(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    // BigDecimal would be exact, but a report rounds some 100,000 values: scaling is 20× faster
    double exponent = Math.floor(Math.log10(Math.abs(v)));
    double scale = Math.pow(10, 3 - exponent);
    if (!Double.isFinite(scale) || scale == 0) {
      return v;
    }
    double rounded =
        scale >= 1
            ? Math.rint(v * scale) / scale
            : Math.rint(v * scale) * Math.pow(10, exponent - 3);
    return Double.isFinite(rounded) ? rounded : v;
  }
}
