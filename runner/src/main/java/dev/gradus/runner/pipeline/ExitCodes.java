package dev.gradus.runner.pipeline;

/**
 * The exit codes of {@code gradus}, documented in docs/suite-reference.md.
 *
 * <ul>
 *   <li>{@value #OK}: every run ended in an outcome (converged, budget exhausted or diverged), and
 *       for other commands, success.
 *   <li>{@value #COULD_NOT_START}: the suite or command could not start or stopped: a suite error,
 *       a refused results folder, a result file that could not be written.
 *   <li>{@value #USAGE}: a command-line usage error (picocli's), {@code merge} with runs missing,
 *       or {@code compare} refusing its folders (they differ or share no function) or its output
 *       place.
 *   <li>{@value #RUNS_FAILED}: the suite finished, but some run failed or timed out; its record
 *       says why, and {@code failures/} holds the stack trace of each failed run.
 * </ul>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int COULD_NOT_START = 1;
  public static final int USAGE = 2;
  public static final int RUNS_FAILED = 3;

  private ExitCodes() {}
}
