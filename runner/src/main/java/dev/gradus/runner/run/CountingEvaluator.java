package dev.gradus.runner.run;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Objective;
import dev.gradus.spi.SampledLoss;

/**
 * The run's evaluator: f and ∇f of the objective (of a minibatch loss's next batch, or of the
 * step's own batch again), and H·v for second-order methods, each call counted as one of the run's
 * evaluations. A Hessian-vector product is that of the objective's full loss ({@link
 * Objective#hessianVectorProduct}), by the objective's {@link Objective#hessianMethod}.
 */
final class CountingEvaluator implements Evaluator {
  private final Objective objective;
  private final SampledLoss sampled;
  private final boolean sameSample;
  private final long[] evaluations;

  /**
   * @param sampled the objective as a minibatch loss, or null for a deterministic one
   * @param sameSample whether f and ∇f are those of the step's batch again (within a step)
   * @param evaluations the run's counter, element 0, shared with the run loop
   */
  CountingEvaluator(
      Objective objective, SampledLoss sampled, boolean sameSample, long[] evaluations) {
    this.objective = objective;
    this.sampled = sampled;
    this.sameSample = sameSample;
    this.evaluations = evaluations;
  }

  @Override
  public double evaluate(double[] x, double[] gradient) {
    evaluations[0]++;
    if (sampled == null) {
      return objective.valueAndGradient(x, gradient);
    }
    return sameSample
        ? sampled.sameSampleValueAndGradient(x, gradient)
        : sampled.sampledValueAndGradient(x, gradient);
  }

  @Override
  public void hessianVectorProduct(double[] x, double[] v, double[] out) {
    evaluations[0]++;
    objective.hessianVectorProduct(x, v, out);
  }
}
