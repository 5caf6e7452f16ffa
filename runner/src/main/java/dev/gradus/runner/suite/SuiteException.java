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

  /**
   * A value given for {@code key} that is none of {@code allowed}, named at its place with the
   * close matches and every allowed value.
   */
  public static SuiteException unknownValue(
      Located node, String key, String given, java.util.List<String> allowed) {
    return at(
        node.location(),
        key
            + ": unknown value '"
            + dev.gradus.spi.Names.quote(given)
            + "'"
            + dev.gradus.spi.Names.didYouMean(given, allowed)
            + "; allowed: "
            + String.join(", ", allowed));
  }
}
