package dev.gradus.spi;

/**
 * Observes a suite as it runs. Convergence logging, traces and progress are listeners, and a plugin
 * adds its own by binding one in a Guice module it contributes (see docs/plugins.md).
 *
 * <p>Protocol: {@link #suiteStarted} once; then for each run, on the thread that executes it,
 * {@link #runStarted}, {@link #iteration} for iteration 0, every {@code trace_every}-th iteration
 * and the last, then {@link #runFinished} exactly once, whatever the outcome; finally {@link
 * #suiteFinished} once, after every run has finished. Runs execute concurrently, so methods are
 * called from several threads at once: implementations must be thread-safe. An exception thrown
 * from {@link #runStarted} or {@link #iteration} fails that run, never the suite; one thrown from
 * {@link #runFinished} is logged.
 */
public interface RunListener {
  default void suiteStarted(SuiteInfo suite) {}

  default void runStarted(RunInfo run) {}

  /**
   * One recorded iteration: the state before step {@code iteration} is taken.
   *
   * @param gap f − f*, or NaN without a known minimum
   * @param stepNorm ‖x_t − x_{t−1}‖₂ (0 at iteration 0)
   * @param lr the learning rate of this step
   */
  default void iteration(
      RunInfo run,
      long iteration,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr) {}

  default void runFinished(RunInfo run, RunOutcome outcome) {}

  default void suiteFinished(SuiteInfo suite) {}
}
