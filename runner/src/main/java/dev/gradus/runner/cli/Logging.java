package dev.gradus.runner.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level from --quiet and -v: WARN, INFO (default) or DEBUG. */
final class Logging {
  private Logging() {}

  static void configure(boolean quiet, boolean verbose) {
    Level level = quiet ? Level.WARN : verbose ? Level.DEBUG : Level.INFO;
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
    }
  }
}
