package dev.gradus.optimizers;

/**
 * When {@link Minimizer#minimize} stops, as a suite's {@code budget} and {@code stop} say it: a run
 * ends after {@code maxIterations} steps or once it has made {@code maxEvaluations} evaluations
 * (budget exhausted), or at the first point x_t inside the objective's domain where a stop rule
 * holds (converged): ‖∇f(x_t)‖₂ ≤ {@code gradNorm}, f(x_t) − f* ≤ {@code target} (f* the
 * objective's known minimum), or f(x_t) ≤ {@code f}. A rule that is not set (NaN) never holds.
 * Immutable: each method returns a new rule.
 *
 * @param maxIterations optimizer steps at most, ≥ 0
 * @param maxEvaluations objective evaluations at most, ≥ 1 ({@link Long#MAX_VALUE} for no limit);
 *     an optimizer that evaluates within its step (L-BFGS, SAM) makes several per step
 * @param gradNorm converge when ‖∇f‖₂ is at most this, ≥ 0, or NaN for no such rule
 * @param target converge when f − f* is at most this, ≥ 0, or NaN for no such rule
 * @param f converge when f is at most this, finite, or NaN for no such rule
 */
public record StopRule(
    long maxIterations, long maxEvaluations, double gradNorm, double target, double f) {
  public StopRule {
    if (maxIterations < 0) {
      throw new IllegalArgumentException(
          "max_iterations = " + maxIterations + " is not allowed: must be an integer in [0, ∞)");
    }
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException(
          "max_evaluations = " + maxEvaluations + " is not allowed: must be an integer in [1, ∞)");
    }
    requireOff("grad_norm", gradNorm, !(gradNorm >= 0) || gradNorm == Double.POSITIVE_INFINITY);
    requireOff("target", target, !(target >= 0) || target == Double.POSITIVE_INFINITY);
    requireOff("f", f, !Double.isFinite(f));
  }

  private static void requireOff(String name, double value, boolean invalid) {
    if (invalid && !Double.isNaN(value)) {
      throw new IllegalArgumentException(
          name
              + " = "
              + value
              + " is not allowed: must be a number in "
              + (name.equals("f") ? "(-∞, ∞)" : "[0, ∞)")
              + ", or NaN for no such rule");
    }
  }

  /** At most {@code maxIterations} steps, no other limit and no stop rule. */
  public static StopRule maxIterations(long maxIterations) {
    return new StopRule(maxIterations, Long.MAX_VALUE, Double.NaN, Double.NaN, Double.NaN);
  }

  /** This rule with at most {@code maxEvaluations} evaluations. */
  public StopRule maxEvaluations(long maxEvaluations) {
    return new StopRule(maxIterations, maxEvaluations, gradNorm, target, f);
  }

  /** This rule, converging once ‖∇f‖₂ ≤ {@code gradNorm}. */
  public StopRule gradNorm(double gradNorm) {
    return new StopRule(maxIterations, maxEvaluations, gradNorm, target, f);
  }

  /** This rule, converging once f − f* ≤ {@code target}; the objective needs a known minimum. */
  public StopRule target(double target) {
    return new StopRule(maxIterations, maxEvaluations, gradNorm, target, f);
  }

  /** This rule, converging once f ≤ {@code f}, for a loss without a known minimum. */
  public StopRule f(double f) {
    return new StopRule(maxIterations, maxEvaluations, gradNorm, target, f);
  }
}
