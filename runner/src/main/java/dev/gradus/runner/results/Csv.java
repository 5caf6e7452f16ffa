package dev.gradus.runner.results;

/** CSV cells that survive spreadsheets: quoted when needed, formula-like user text neutralised. */
public final class Csv {
  private Csv() {}

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
