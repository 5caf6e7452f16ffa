package dev.gradus.runner.results;

import dev.gradus.runner.plan.Labels;
import java.util.Locale;

/**
 * Text for the tables people read (Markdown, LaTeX, HTML): numbers to 3 significant digits, and
 * suite-derived text escaped for each format. CSV tables keep full precision ({@link #full}).
 */
public final class TableText {
  private TableText() {}

  /** 3 significant digits ({@code 0.00794}, {@code 1.23e-7}, {@code 812}); "inf", "" for NaN. */
  public static String significant(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v) || v == 0) {
      return Labels.number(v);
    }
    return Labels.number(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)));
  }

  /** A CSV number that reads back as the same double: "inf" for ∞ (pandas, DuckDB), "" for NaN. */
  public static String full(double v) {
    return Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Csv.number(v);
  }

  /** Text safe in a Markdown table cell: the characters that end a cell or start emphasis. */
  public static String markdown(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\|*_`<>[]".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Text safe in LaTeX: its special characters escaped. */
  public static String latex(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text safe in HTML content and in a quoted attribute. */
  public static String html(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@link #significant} in LaTeX: ∞ as {@code $\infty$}. */
  public static String latexNumber(double v) {
    return Double.isInfinite(v) && v > 0 ? "$\\infty$" : significant(v);
  }

  /** {@link #significant} in Markdown and HTML: ∞ as the sign. */
  public static String readable(double v) {
    return Double.isInfinite(v) && v > 0 ? "∞" : significant(v);
  }
}
