package dev.gradus.spi;

/**
 * Implemented by a {@link Stochastic} objective whose exact value costs much more than its sampled
 * gradient (SPI 1.3): a loss trained on minibatches, whose exact value is a pass over every
 * training row while the gradient is one batch's. The runner then asks for the exact value only
 * where a run needs it (rows it records, the last iteration, the interval of the held-out metrics)
 * and calls {@link #sampledValueAndGradient} at the other iterations.
 *
 * <p>Contract: {@link #sampledValueAndGradient} draws exactly what {@link
 * Objective#valueAndGradient} draws, and writes the same gradient, so that a run's trajectory does
 * not depend on which of the two the runner calls at an iteration; only the value differs.
 */
public interface SampledLoss extends Stochastic {
  /**
   * The sampled gradient at {@code x}, written into {@code gradient}, and the loss on the same
   * sample (a batch's mean loss): an estimate of the value, not the value.
   */
  double sampledValueAndGradient(double[] x, double[] gradient);

  /**
   * The gradient at {@code x} and the loss on the sample the last draw took, drawing nothing (SPI
   * 1.4): what an optimizer's further evaluations within one step see, as a torch closure
   * re-evaluates its step's own batch (SAM's gradient at the perturbed point, L-BFGS's line
   * search). The runner draws each step's sample with {@link #sampledValueAndGradient} or {@link
   * Objective#valueAndGradient} first, then passes the optimizer an evaluator that calls this.
   *
   * <p>The default draws a new sample, as every evaluation did before SPI 1.4.
   */
  default double sameSampleValueAndGradient(double[] x, double[] gradient) {
    return sampledValueAndGradient(x, gradient);
  }
}
