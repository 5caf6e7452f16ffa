package dev.gradus.spi;

/**
 * Evaluates the objective for an optimizer that needs more than the one evaluation per step the
 * caller makes (line searches, L-BFGS). Each call counts towards the run's evaluation budget.
 */
@FunctionalInterface
public interface Evaluator {
  /**
   * f(x), with ∇f(x) written into {@code gradient}. Must not keep or modify {@code x}.
   *
   * @return f(x)
   */
  double evaluate(double[] x, double[] gradient);

  /**
   * The Hessian-vector product H(x)·v written into {@code out} (SPI 1.5), for second-order methods
   * (newton, newton-cg, trust-region, adahessian). Each call counts as one Hessian-vector product
   * of the run. Must not keep or modify {@code x} or {@code v}; {@code out} has their length and
   * may not be either of them.
   *
   * @throws UnsupportedOperationException if this evaluator has no second order; the runner's
   *     evaluators always have it (autodiff for graph objectives, finite differences of gradients
   *     otherwise)
   */
  default void hessianVectorProduct(double[] x, double[] v, double[] out) {
    throw new UnsupportedOperationException(
        "this evaluator gives no Hessian-vector products, which second-order methods need");
  }
}
