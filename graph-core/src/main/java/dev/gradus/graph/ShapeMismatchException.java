package dev.gradus.graph;

/**
 * Thrown when the shapes of an operation's operands do not fit together. The message names the
 * operation and every shape involved.
 */
public final class ShapeMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ShapeMismatchException(String message) {
    super(message);
  }
}
