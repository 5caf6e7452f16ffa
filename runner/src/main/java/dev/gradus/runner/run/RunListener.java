package dev.gradus.runner.run;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Observes a suite as it runs: convergence logging, traces, progress and results are listeners.
 *
 * <p>Protocol: {@link #suiteStarted} once; then for each run, on the thread that executes it,
 * {@link #runStarted}, {@link #iteration} for iteration 0 and every {@code trace_every}-th one (and
 * the last), and {@link #runFinished} exactly once, whatever the outcome; finally {@link
 * #suiteFinished} once, after every run has finished. Runs execute concurrently, so methods are
 * called from several threads at once and implementations must be thread-safe. An exception thrown
 * by a listener fails the run it was called for, never the suite.
 */
public interface RunListener {
  /**
   * @param outputDir the suite's results folder, where a listener may write its own files
   */
  default void suiteStarted(Plan plan, List<RunSpec> pending, Path outputDir) {}

  default void runStarted(RunSpec run) {}

  /**
   * One recorded iteration: the state before step {@code iteration} is taken.
   *
   * @param gap f − f*, or NaN without a known minimum
   * @param stepNorm ‖x_t − x_{t−1}‖₂ (0 at iteration 0)
   * @param lr the learning rate of this step
   */
  default void iteration(
      RunSpec run,
      long iteration,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr) {}

  default void runFinished(RunSpec run, RunResult result) {}

  default void suiteFinished(Plan plan, List<RunResult> results) {}
}
