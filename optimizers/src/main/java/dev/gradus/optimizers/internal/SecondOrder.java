package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.Range;

/**
 * The numerics that newton, newton-cg and trust-region share (Nocedal &amp; Wright, Numerical
 * Optimization, 2nd ed., 2006; "N&amp;W" below): conjugate gradients on Hessian-vector products,
 * truncated as in their Algorithm 7.1 or kept inside a trust region as in Algorithm 7.2
 * (Steihaug–Toint), and Armijo backtracking (Algorithm 3.1). Each works in buffers its caller owns,
 * so a step allocates nothing.
 */
final class SecondOrder {
  private SecondOrder() {}

  static final Range POSITIVE = Range.greaterThan(0);

  /** Armijo's sufficient-decrease constant c₁ (N&amp;W's suggestion, 10⁻⁴). */
  static final double ARMIJO_C1 = 1e-4;

  /** The factor each backtracking trial shrinks the step by. */
  static final double BACKTRACK = 0.5;

  /** Trials before a backtracking search gives up: the step is then 2⁻²⁹ of the first. */
  static final int MAX_BACKTRACKS = 30;

  static HyperParameter maxCgIterations(long defaultValue) {
    return HyperParameter.integer(
        "max_cg_iterations",
        defaultValue,
        Range.atLeast(1),
        "most conjugate-gradient iterations (Hessian-vector products) per step");
  }

  /** Buffers of length n for one run's conjugate gradients and line search. */
  static final class Workspace {
    final double[] direction;
    final double[] residual;
    final double[] searchDirection;
    final double[] curvature;
    final double[] stepCurvature;
    final double[] trial;
    final double[] trialGradient;

    Workspace(int n) {
      direction = new double[n];
      residual = new double[n];
      searchDirection = new double[n];
      curvature = new double[n];
      stepCurvature = new double[n];
      trial = new double[n];
      trialGradient = new double[n];
    }
  }

  /**
   * The truncated Newton direction of N&amp;W Algorithm 7.1 into {@code w.direction}: conjugate
   * gradients on H·p = −g from p = 0, stopped when ‖r‖ ≤ min(0.5, √‖g‖)·‖g‖ (their forcing
   * sequence, for superlinear convergence), at {@code maxIterations}, or at the first direction d
   * of non-positive curvature dᵀHd ≤ 0, which ends it with the iterate so far (−g if that is the
   * first direction), so the result is always a descent direction.
   */
  static void truncatedNewton(
      Evaluator objective, double[] x, double[] g, long maxIterations, Workspace w) {
    int n = x.length;
    double[] p = w.direction;
    double[] r = w.residual;
    double[] d = w.searchDirection;
    double[] hd = w.curvature;
    double gNorm = Math.sqrt(Lbfgs.dot(g, g));
    double tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
    for (int i = 0; i < n; i++) {
      p[i] = 0;
      r[i] = g[i];
      d[i] = -g[i];
    }
    double rr = gNorm * gNorm;
    for (long j = 0; j < maxIterations && Math.sqrt(rr) > tolerance; j++) {
      objective.hessianVectorProduct(x, d, hd);
      double curvature = Lbfgs.dot(d, hd);
      if (!(curvature > 0)) {
        if (j == 0) {
          for (int i = 0; i < n; i++) {
            p[i] = -g[i];
          }
        }
        return;
      }
      double alpha = rr / curvature;
      double rrNext = 0;
      for (int i = 0; i < n; i++) {
        p[i] += alpha * d[i];
        r[i] += alpha * hd[i];
        rrNext += r[i] * r[i];
      }
      double beta = rrNext / rr;
      for (int i = 0; i < n; i++) {
        d[i] = -r[i] + beta * d[i];
      }
      rr = rrNext;
    }
  }

  /**
   * The Steihaug–Toint step of N&amp;W Algorithm 7.2 into {@code w.direction}, and H·p into {@code
   * w.stepCurvature}: conjugate gradients on the model m(p) = gᵀp + ½pᵀHp from p = 0, stopped at
   * the same tolerance as {@link #truncatedNewton}, at {@code maxIterations}, or where the iterates
   * leave the ball ‖p‖ ≤ radius or meet non-positive curvature; those two end on the boundary (for
   * negative curvature at whichever of the two boundary points along d has the lower model value).
   *
   * @return the model's decrease −m(p) ≥ 0
   */
  static double steihaug(
      Evaluator objective, double[] x, double[] g, double radius, long maxIterations, Workspace w) {
    int n = x.length;
    double[] z = w.direction;
    double[] r = w.residual;
    double[] d = w.searchDirection;
    double[] hd = w.curvature;
    double[] hz = w.stepCurvature;
    double gNorm = Math.sqrt(Lbfgs.dot(g, g));
    double tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
    for (int i = 0; i < n; i++) {
      z[i] = 0;
      hz[i] = 0;
      r[i] = g[i];
      d[i] = -g[i];
    }
    double rr = gNorm * gNorm;
    for (long j = 0; j < maxIterations && Math.sqrt(rr) > tolerance; j++) {
      objective.hessianVectorProduct(x, d, hd);
      double curvature = Lbfgs.dot(d, hd);
      if (!(curvature > 0)) {
        // the model falls without bound along ±d: go to the boundary on the lower side
        double[] taus = boundary(z, d, radius);
        double rd = Lbfgs.dot(r, d);
        double low = taus[0] * rd + 0.5 * taus[0] * taus[0] * curvature;
        double high = taus[1] * rd + 0.5 * taus[1] * taus[1] * curvature;
        moveAlong(z, hz, d, hd, low < high ? taus[0] : taus[1]);
        return decrease(g, z, hz);
      }
      double alpha = rr / curvature;
      double zz = 0;
      for (int i = 0; i < n; i++) {
        double next = z[i] + alpha * d[i];
        zz += next * next;
      }
      if (Math.sqrt(zz) >= radius) {
        moveAlong(z, hz, d, hd, boundary(z, d, radius)[1]);
        return decrease(g, z, hz);
      }
      double rrNext = 0;
      for (int i = 0; i < n; i++) {
        z[i] += alpha * d[i];
        hz[i] += alpha * hd[i];
        r[i] += alpha * hd[i];
        rrNext += r[i] * r[i];
      }
      double beta = rrNext / rr;
      for (int i = 0; i < n; i++) {
        d[i] = -r[i] + beta * d[i];
      }
      rr = rrNext;
    }
    return decrease(g, z, hz);
  }

  /** −(gᵀp + ½pᵀHp), from p and H·p. */
  private static double decrease(double[] g, double[] p, double[] hp) {
    return -(Lbfgs.dot(g, p) + 0.5 * Lbfgs.dot(p, hp));
  }

  private static void moveAlong(double[] z, double[] hz, double[] d, double[] hd, double tau) {
    for (int i = 0; i < z.length; i++) {
      z[i] += tau * d[i];
      hz[i] += tau * hd[i];
    }
  }

  /**
   * The two τ, negative then positive, with ‖z + τd‖ = radius, for ‖z‖ &lt; radius: the roots of
   * (dᵀd)τ² + 2(zᵀd)τ + (zᵀz − radius²), the larger one computed without cancellation.
   */
  static double[] boundary(double[] z, double[] d, double radius) {
    double a = Lbfgs.dot(d, d);
    double b = Lbfgs.dot(z, d);
    double c = Lbfgs.dot(z, z) - radius * radius;
    double root = Math.sqrt(b * b - a * c);
    // c ≤ 0, so the roots have opposite signs; q has the sign of −b, so c/q and q/a do not cancel
    double q = b >= 0 ? -(b + root) : -b + root;
    double first = q / a;
    double second = c / q;
    return first < second ? new double[] {first, second} : new double[] {second, first};
  }

  /**
   * Armijo backtracking (N&amp;W Algorithm 3.1) from x along the descent direction d: the first of
   * t, t/2, t/4, … (at most {@link #MAX_BACKTRACKS}) with a finite f(x + td) ≤ f(x) + c₁t∇fᵀd moves
   * x there.
   *
   * @return whether a step was taken; x is unchanged when none of the trials decreased f enough
   */
  static boolean backtrack(
      Evaluator objective, double[] x, double f, double[] g, double[] d, double t, Workspace w) {
    double slope = Lbfgs.dot(g, d);
    if (!(slope < 0)) {
      return false;
    }
    double[] trial = w.trial;
    for (int k = 0; k < MAX_BACKTRACKS; k++, t *= BACKTRACK) {
      for (int i = 0; i < x.length; i++) {
        trial[i] = x[i] + t * d[i];
      }
      double value = objective.evaluate(trial, w.trialGradient);
      if (value <= f + ARMIJO_C1 * t * slope) {
        System.arraycopy(trial, 0, x, 0, x.length);
        return true;
      }
    }
    return false;
  }
}
