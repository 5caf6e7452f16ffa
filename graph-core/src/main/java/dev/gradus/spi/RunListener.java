package dev.gradus.spi;

/**
 * Observes a suite as it runs. Convergence logging, traces and progress are listeners, and a plugin
 * adds its own by binding one in a Guice module it contributes (see docs/plugins.md).
 *
 * <p>Protocol: {@link #suiteStarted} once; then for each run {@link #runStarted}, {@link
 * #iteration(RunInfo, Iteration)} for iteration 0, every {@code trace_every}-th iteration and the
 * last, then {@link #runFinished} exactly once, whatever the outcome; finally {@link
 * #suiteFinished} once, after every run has finished. The events of one run come from one thread at
 * a time, in order. On this machine they arrive live, from the thread that executes the run; on a
 * cluster (Spark) the run executes remotely and the driver replays its events, in the same order,
 * when its result arrives. A run resumed from a checkpoint gets {@link #runStarted} again and its
 * events from the checkpoint's iteration on. Runs execute concurrently, so methods are called from
 * several threads at once: implementations must be thread-safe. An exception thrown from {@link
 * #runStarted} or {@link #iteration} fails that run, never the suite; one thrown from {@link
 * #runFinished} is logged.
 */
public interface RunListener {
  default void suiteStarted(SuiteInfo suite) {}

  default void runStarted(RunInfo run) {}

  /**
   * One recorded iteration, with every field a trace row has. The runner calls this method; its
   * default forwards to the older {@link #iteration(RunInfo, long, double, double, double, double,
   * double)}, so a listener built against SPI 1.0 keeps receiving its events.
   */
  default void iteration(RunInfo run, Iteration row) {
    iteration(run, row.iteration(), row.f(), row.gap(), row.gradNorm(), row.stepNorm(), row.lr());
  }

  /**
   * One recorded iteration, in the form of SPI 1.0; see {@link Iteration} for each field.
   *
   * @param gap f − f*, or NaN without a known minimum
   * @param stepNorm ‖x_t − x_{t−1}‖₂ (0 at iteration 0)
   * @param lr the learning rate of the step that produced this point (NaN at iteration 0)
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
