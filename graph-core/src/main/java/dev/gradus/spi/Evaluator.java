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
}
