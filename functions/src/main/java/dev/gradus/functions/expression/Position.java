package dev.gradus.functions.expression;

/** A place in an expression's text: 1-based line and column (columns count chars). */
public record Position(int line, int column) {
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "positions are 1-based, got line " + line + ", column " + column);
    }
  }

  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
