package dev.gradus.runner.results;

import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * CSV cells that survive spreadsheets: quoted when needed, formula-like user text neutralised; and
 * the numbers of every table and trace.
 *
 * <p>Numbers are written as the shortest decimal that reads back as the same double (Schubfach, in
 * {@link Double#toString}'s format) and read with a fast exact parser, both from jackson-core:
 * traces hold most of a results folder's numbers, and JDK 17's own conversions were a third of a
 * short suite's time, mostly in compiling their large methods.
 */
public final class Csv {
  private Csv() {}

  /** The double as the shortest decimal that reads back as it: {@code 0.1}, {@code 1.0E-8}. */
  public static String number(double v) {
    return NumberOutput.toString(v, true);
  }

  /** A finite number's cell as {@link #number}; empty for NaN and infinities. */
  public static String finite(double v) {
    return Double.isFinite(v) ? number(v) : "";
  }

  /**
   * The number a cell holds, exactly as {@link Double#parseDouble} reads it.
   *
   * @throws NumberFormatException if it is not a number
   */
  public static double parse(String text) {
    return NumberInput.parseDouble(text, true);
  }

  /**
   * A cell for user-supplied text: quoted when it contains a comma, quote or line break, and
   * prefixed with an apostrophe when it starts with {@code = + - @}, so that a spreadsheet shows it
   * as text instead of evaluating it.
   */
  public static String cell(String text) {
    String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
