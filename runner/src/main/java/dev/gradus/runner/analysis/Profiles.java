package dev.gradus.runner.analysis;

/**
 * Performance profiles (Dolan and Moré, 2002) and data profiles (Moré and Wild, 2009) of solvers
 * (optimizer configurations) over a set of problems (function configurations), from the cost each
 * solver took to solve each problem: the evaluations at which the convergence test {@link #solved}
 * first held, {@code +∞} where it never did.
 */
public final class Profiles {
  private Profiles() {}

  /**
   * Moré and Wild's convergence test: a point solves the problem at tolerance τ when f(x₀) − f(x) ≥
   * (1 − τ)(f(x₀) − f_L), f_L being the least value any solver found (or the known minimum).
   */
  public static boolean solved(double f0, double f, double fL, double tau) {
    return f0 - f >= (1 - tau) * (f0 - fL);
  }

  /**
   * The evaluations at the first recorded point that passes {@link #solved}, or {@code +∞}.
   *
   * @param evaluations the evaluation count at each recorded point, increasing
   * @param f the value there
   */
  public static double evaluationsToSolve(
      double[] evaluations, double[] f, double f0, double fL, double tau) {
    for (int k = 0; k < f.length; k++) {
      if (solved(f0, f[k], fL, tau)) {
        return evaluations[k];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * ρ_s(α): for each solver s, the share of problems p with t_{p,s} ≤ α · min_s t_{p,s}. A problem
   * no solver solved counts against every solver.
   *
   * @param costs {@code costs[p][s]}, the cost of solver s on problem p (+∞ if unsolved)
   */
  public static double[] performance(double[][] costs, double alpha) {
    int solvers = costs.length == 0 ? 0 : costs[0].length;
    double[] rho = new double[solvers];
    for (double[] problem : costs) {
      double best = Double.POSITIVE_INFINITY;
      for (double t : problem) {
        best = Math.min(best, t);
      }
      for (int s = 0; s < solvers; s++) {
        if (Double.isFinite(problem[s]) && problem[s] / best <= alpha) {
          rho[s]++;
        }
      }
    }
    for (int s = 0; s < solvers; s++) {
      rho[s] /= costs.length;
    }
    return rho;
  }

  /**
   * d_s(κ): for each solver s, the share of problems solved within κ simplex gradients, that is
   * with t_{p,s} ≤ κ (n_p + 1) evaluations, n_p the problem's dimension.
   */
  public static double[] data(double[][] costs, int[] dimensions, double kappa) {
    int solvers = costs.length == 0 ? 0 : costs[0].length;
    double[] d = new double[solvers];
    for (int p = 0; p < costs.length; p++) {
      for (int s = 0; s < solvers; s++) {
        if (costs[p][s] <= kappa * (dimensions[p] + 1)) {
          d[s]++;
        }
      }
    }
    for (int s = 0; s < solvers; s++) {
      d[s] /= costs.length;
    }
    return d;
  }
}
