package dev.gradus.runner.report;

/**
 * Coordinates and text as the vector formats write them: coordinates to a hundredth of a point (a
 * fortieth of a pixel at 400% zoom), without the cost of general number formatting, which was most
 * of a PDF's drawing time.
 */
final class VectorText {
  private VectorText() {}

  /**
   * Appends {@code v} rounded to two decimals, without trailing zeros ({@code 12.5}, {@code -3}).
   */
  static StringBuilder number(StringBuilder out, double v) {
    long hundredths = Math.round(v * 100);
    if (hundredths < 0) {
      out.append('-');
      hundredths = -hundredths;
    }
    out.append(hundredths / 100);
    int fraction = (int) (hundredths % 100);
    if (fraction != 0) {
      out.append('.');
      out.append((char) ('0' + fraction / 10));
      if (fraction % 10 != 0) {
        out.append((char) ('0' + fraction % 10));
      }
    }
    return out;
  }

  /**
   * Appends a number of tenths as a decimal ({@code 125} as {@code 12.5}, {@code -30} as {@code
   * -3}).
   */
  static StringBuilder tenths(StringBuilder out, long tenths) {
    if (tenths < 0) {
      out.append('-');
      tenths = -tenths;
    }
    out.append(tenths / 10);
    if (tenths % 10 != 0) {
      out.append('.').append((char) ('0' + tenths % 10));
    }
    return out;
  }

  /** Appends a colour's components as fractions of one, separated by spaces (PDF's form). */
  static StringBuilder fractions(StringBuilder out, java.awt.Color c) {
    fraction(out, c.getRed()).append(' ');
    fraction(out, c.getGreen()).append(' ');
    return fraction(out, c.getBlue());
  }

  private static StringBuilder fraction(StringBuilder out, int channel) {
    // three decimals tell the 256 levels apart
    long thousandths = Math.round(channel * 1000 / 255.0);
    if (thousandths == 1000) {
      return out.append('1');
    }
    if (thousandths == 0) {
      return out.append('0');
    }
    out.append("0.");
    String digits = Long.toString(thousandths);
    out.append("000", 0, 3 - digits.length()).append(digits);
    int end = out.length();
    while (out.charAt(end - 1) == '0') {
      end--;
    }
    out.setLength(end);
    return out;
  }
}
