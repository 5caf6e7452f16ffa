package dev.gradus.optimizers;

import java.util.Locale;

/**
 * What {@link Minimizer#minimize} returns: how the run ended, where, and its trace.
 *
 * @param status how the run ended
 * @param x the final point x_t (a copy the caller owns)
 * @param f f(x_t)
 * @param gradNorm ‖∇f(x_t)‖₂
 * @param iterations t, the optimizer steps taken
 * @param evaluations objective evaluations, x_t's and those the optimizer made within its steps
 *     included
 * @param trace the recorded iterations, the first and the last among them
 * @param message why it diverged ({@code "diverged at iteration 12: f = NaN, ‖∇f‖ = NaN"}), or null
 */
public record Minimization(
    Status status,
    double[] x,
    double f,
    double gradNorm,
    long iterations,
    long evaluations,
    Trace trace,
    String message) {

  /** How a run ended; the runner's {@code status} values of the same names. */
  public enum Status {
    /** A stop rule held at a point inside the objective's domain. */
    CONVERGED,
    /** The iteration or evaluation budget ran out first. */
    BUDGET_EXHAUSTED,
    /** f or ∇f became NaN, infinite, or larger than {@link Minimizer#OVERFLOW} in magnitude. */
    DIVERGED;

    /** The snake_case name the runner writes in results, such as {@code budget_exhausted}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * One line, the same on every run of the same problem: {@code converged after 25 iterations (31
   * evaluations): f = 1.2346e-15, ‖∇f‖ = 4.5678e-07 at [1.0000, 1.0000]}, five significant digits
   * of the point's first ten coordinates.
   */
  @Override
  public String toString() {
    StringBuilder point = new StringBuilder("[");
    for (int i = 0; i < Math.min(x.length, 10); i++) {
      point.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5g", x[i]));
    }
    point.append(x.length > 10 ? ", …]" : "]");
    return String.format(
        Locale.ROOT,
        "%s after %d iterations (%d evaluations): f = %.4e, ‖∇f‖ = %.4e at %s",
        status.id().replace('_', ' '),
        iterations,
        evaluations,
        f,
        gradNorm,
        point);
  }
}
