package dev.gradus.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * A result file that could not be written. It is never a run's failure: it stops the suite, naming
 * the file and the reason, and the runs it affects are run again by {@code --resume}.
 */
public final class ResultsWriteException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  public ResultsWriteException(Path file, IOException cause) {
    this("cannot write", file, cause);
  }

  /**
   * @param what what could not be done, such as {@code cannot create results folder}
   */
  public ResultsWriteException(String what, Path file, IOException cause) {
    super(what + " " + file + ": " + reason(cause), cause);
  }

  /** The reason in words: "permission denied", "no space left on device", or the JDK's message. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("No space left")) {
      return "no space left on device";
    }
    return message;
  }
}
