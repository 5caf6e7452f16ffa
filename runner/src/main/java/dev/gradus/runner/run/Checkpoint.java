package dev.gradus.runner.run;

import dev.gradus.spi.StateSnapshot;

/**
 * Everything needed to continue a run from iteration t as if it had never stopped: the iterate x_t,
 * the optimizer's state after t steps, the counters, the best point so far and, for a stochastic
 * objective, the position of the run's random stream. The start point derives from the run's seed.
 *
 * @param runId the run
 * @param suiteSha256 the suite the run belongs to, so that a checkpoint of another suite is never
 *     used
 * @param iteration t: steps taken so far; the continued run evaluates x_t first
 * @param x x_t
 * @param xStart the run's start
 * @param optimizer the optimizer's state after t steps
 * @param evaluations objective evaluations before x_t's
 * @param fBest the least f so far inside the domain, or +∞
 * @param xBest where it was, or null
 * @param iterationsToTarget the iteration that first reached the target, or -1
 * @param evaluationsToTarget the evaluations made up to it, or -1
 * @param secondsToTarget the seconds the run had taken up to it, or NaN
 * @param stepNorm ‖x_t − x_{t−1}‖₂
 * @param lastLr the learning rate of the step that produced x_t
 * @param elapsedNanos wall-clock time the run had taken
 * @param stream the run's random stream's {@link dev.gradus.spi.RandomStream#snapshot}, or null
 *     when the objective draws none
 * @param sampling the stochastic objective's {@link dev.gradus.spi.Stochastic#samplingState}, or
 *     null when the objective draws none
 */
public record Checkpoint(
    String runId,
    String suiteSha256,
    long iteration,
    double[] x,
    double[] xStart,
    StateSnapshot optimizer,
    long evaluations,
    double fBest,
    double[] xBest,
    long iterationsToTarget,
    long evaluationsToTarget,
    double secondsToTarget,
    double stepNorm,
    double lastLr,
    long elapsedNanos,
    long[] stream,
    long[] sampling) {

  /**
   * Where a running run's checkpoints go. Called from the thread that executes the run; when it
   * returns, the checkpoint is durable. A failure to save stops the suite.
   */
  @FunctionalInterface
  public interface Sink {
    void save(Checkpoint checkpoint);

    /** Saves nothing. */
    static Sink none() {
      return checkpoint -> {};
    }
  }
}
