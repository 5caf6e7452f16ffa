package dev.gradus.runner.wiring;

/** A plugin that cannot be loaded; the message names the jar and what is wrong with it. */
public final class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
