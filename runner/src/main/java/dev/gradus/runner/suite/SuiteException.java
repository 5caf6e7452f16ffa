package dev.gradus.runner.suite;

/**
 * A suite that cannot be read or is not valid. The message starts with {@code file:line:column}
 * where the problem is, and says what was expected.
 */
public final class SuiteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SuiteException(String message) {
    super(message);
  }

  public SuiteException(String message, Throwable cause) {
    super(message, cause);
  }

  public static SuiteException at(Located.Location location, String message) {
    return new SuiteException(location + ": " + message);
  }
}
