package dev.gradus.spi;

/**
 * A hyperparameter value that is unknown, of the wrong type or out of its range. The message names
 * the provider, the parameter, the value given and what is allowed.
 */
public final class InvalidHyperParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public InvalidHyperParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter's name, as written in a suite. */
  public String parameter() {
    return parameter;
  }
}
