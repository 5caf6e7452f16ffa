package dev.gradus.functions.expression;

/**
 * An expression that cannot be parsed or compiled, with the place of the problem. The message reads
 * {@code column 14: expected ')'} for one-line expressions and {@code line 2, column 3: ...} for
 * multi-line ones.
 */
public final class ExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int EXCERPT_RADIUS = 60;

  private final int line;
  private final int column;
  private final String reason;
  private final String sourceLine;

  ExpressionException(Position position, String reason, String text, Throwable cause) {
    super(prefix(position, text) + reason, cause);
    this.line = position.line();
    this.column = position.column();
    this.reason = reason;
    this.sourceLine = sourceLine(text, position.line());
  }

  ExpressionException(Position position, String reason, String text) {
    this(position, reason, text, null);
  }

  /** 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem. */
  public int column() {
    return column;
  }

  /** The message without its position, such as {@code expected ')'}. */
  public String reason() {
    return reason;
  }

  /**
   * The offending line of the expression and a caret under the column, for command-line output:
   *
   * <pre>
   * sin((x + y) * z
   *                ^
   * </pre>
   */
  public String excerpt() {
    // Long lines are cut to a window around the column, so that the caret stays visible.
    int from = Math.max(0, Math.min(column - 1 - EXCERPT_RADIUS, sourceLine.length()));
    int to = Math.min(sourceLine.length(), column - 1 + EXCERPT_RADIUS);
    int caret = Math.min(column - 1, sourceLine.length()) - from;
    return sourceLine.substring(from, Math.max(from, to)) + "\n" + " ".repeat(caret) + "^";
  }

  private static String prefix(Position position, String text) {
    boolean multiline = position.line() > 1 || (text != null && text.indexOf('\n') >= 0);
    return (multiline ? "line " + position.line() + ", " : "")
        + "column "
        + position.column()
        + ": ";
  }

  private static String sourceLine(String text, int line) {
    if (text == null) {
      return "";
    }
    int start = 0;
    for (int l = 1; l < line; l++) {
      int next = text.indexOf('\n', start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = text.indexOf('\n', start);
    String found = end < 0 ? text.substring(start) : text.substring(start, end);
    return found.replace('\t', ' ').replace("\r", "");
  }
}
