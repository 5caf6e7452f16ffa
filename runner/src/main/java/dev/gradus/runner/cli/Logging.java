package dev.gradus.runner.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level from --quiet and -v: WARN, INFO (default), DEBUG (-v) or TRACE (-vv). */
final class Logging {
  private Logging() {}

  static void configure(boolean quiet, boolean verbose) {
    configure(quiet, verbose ? 1 : 0);
  }

  static void configure(boolean quiet, int verbosity) {
    Level level =
        quiet
            ? Level.WARN
            : verbosity >= 2 ? Level.TRACE : verbosity == 1 ? Level.DEBUG : Level.INFO;
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
    }
  }
}
