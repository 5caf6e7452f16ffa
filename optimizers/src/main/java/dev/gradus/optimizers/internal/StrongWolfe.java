package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;

/**
 * The line search of torch.optim.LBFGS (Nocedal &amp; Wright, Algorithms 3.5 and 3.6): find t along
 * d with the strong Wolfe conditions f(x + td) ≤ f(x) + c₁t∇fᵀd and |∇f(x + td)ᵀd| ≤ c₂|∇fᵀd|,
 * first by bracketing (extrapolating with cubic interpolation inside [t + 0.01(t − t_prev), 10t]),
 * then by zooming into the bracket with safeguarded cubic interpolation. At most 25 evaluations.
 *
 * <p>One instance per run: it owns the trial point and three gradient buffers, so a search
 * allocates nothing. Results are left in {@link #value}, {@link #step} and {@link #evaluations}.
 */
final class StrongWolfe {
  static final double C1 = 1e-4;
  static final double C2 = 0.9;

  /** torch passes no tolerance to its line search, so this is its default, not the optimizer's. */
  static final double TOLERANCE_CHANGE = 1e-9;

  static final int MAX_EVALUATIONS = 25;

  private final double[] trial;
  private final double[][] pool;

  double value;
  double step;
  int evaluations;

  StrongWolfe(int dimension) {
    trial = new double[dimension];
    pool = new double[][] {new double[dimension], new double[dimension], new double[dimension]};
  }

  /**
   * Searches from x along d, starting with step t.
   *
   * @param gradient ∇f(x) on entry; ∇f(x + step·d) on return
   */
  void search(
      Evaluator objective,
      double[] x,
      double t,
      double[] d,
      double f,
      double[] gradient,
      double gtd) {
    double dNorm = Lbfgs.maxAbs(d);
    double[] gNew = free(gradient, null);
    double fNew = evaluate(objective, x, t, d, gNew);
    int evals = 1;
    double gtdNew = Lbfgs.dot(gNew, d);

    double tPrev = 0;
    double fPrev = f;
    double[] gPrev = gradient;
    double gtdPrev = gtd;
    boolean done = false;
    int iteration = 0;

    // the bracket [b0, b1] with values, gradients and directional derivatives at both ends
    double b0 = 0;
    double b1 = 0;
    double bf0 = 0;
    double bf1 = 0;
    double[] bg0 = null;
    double[] bg1 = null;
    double bgtd0 = 0;
    double bgtd1 = 0;
    boolean single = false;

    while (iteration < MAX_EVALUATIONS) {
      boolean bracketed = fNew > f + C1 * t * gtd || (iteration > 1 && fNew >= fPrev);
      if (!bracketed && Math.abs(gtdNew) <= -C2 * gtd) {
        b0 = t;
        bf0 = fNew;
        bg0 = gNew;
        single = true;
        done = true;
        break;
      }
      if (bracketed || gtdNew >= 0) {
        b0 = tPrev;
        b1 = t;
        bf0 = fPrev;
        bf1 = fNew;
        bg0 = gPrev;
        bg1 = gNew;
        bgtd0 = gtdPrev;
        bgtd1 = gtdNew;
        break;
      }
      double minStep = t + 0.01 * (t - tPrev);
      double maxStep = t * 10;
      double previous = t;
      t = cubicMinimum(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
      tPrev = previous;
      fPrev = fNew;
      gPrev = gNew;
      gtdPrev = gtdNew;
      gNew = free(gPrev, gradient);
      fNew = evaluate(objective, x, t, d, gNew);
      evals++;
      gtdNew = Lbfgs.dot(gNew, d);
      iteration++;
    }
    if (iteration == MAX_EVALUATIONS) {
      b0 = 0;
      b1 = t;
      bf0 = f;
      bf1 = fNew;
      bg0 = gradient;
      bg1 = gNew;
      single = false;
    }

    boolean insufficientProgress = false;
    boolean lowIsFirst = single || bf0 <= bf1;
    while (!done && iteration < MAX_EVALUATIONS) {
      if (Math.abs(b1 - b0) * dNorm < TOLERANCE_CHANGE) {
        break;
      }
      t = cubicMinimum(b0, bf0, bgtd0, b1, bf1, bgtd1, Math.min(b0, b1), Math.max(b0, b1));
      double high = Math.max(b0, b1);
      double low = Math.min(b0, b1);
      double margin = 0.1 * (high - low);
      if (Math.min(high - t, t - low) < margin) {
        if (insufficientProgress || t >= high || t <= low) {
          t = Math.abs(t - high) < Math.abs(t - low) ? high - margin : low + margin;
          insufficientProgress = false;
        } else {
          insufficientProgress = true;
        }
      } else {
        insufficientProgress = false;
      }
      double[] gTrial = free(bg0, bg1);
      fNew = evaluate(objective, x, t, d, gTrial);
      evals++;
      gtdNew = Lbfgs.dot(gTrial, d);
      iteration++;
      double fLow = lowIsFirst ? bf0 : bf1;
      if (fNew > f + C1 * t * gtd || fNew >= fLow) {
        // the trial replaces the high end
        if (lowIsFirst) {
          b1 = t;
          bf1 = fNew;
          bg1 = gTrial;
          bgtd1 = gtdNew;
        } else {
          b0 = t;
          bf0 = fNew;
          bg0 = gTrial;
          bgtd0 = gtdNew;
        }
        lowIsFirst = bf0 <= bf1;
      } else {
        if (Math.abs(gtdNew) <= -C2 * gtd) {
          done = true;
        } else if (gtdNew * (lowIsFirst ? b1 - b0 : b0 - b1) >= 0) {
          // the old low end becomes the high end
          if (lowIsFirst) {
            b1 = b0;
            bf1 = bf0;
            bg1 = bg0;
            bgtd1 = bgtd0;
          } else {
            b0 = b1;
            bf0 = bf1;
            bg0 = bg1;
            bgtd0 = bgtd1;
          }
        }
        if (lowIsFirst) {
          b0 = t;
          bf0 = fNew;
          bg0 = gTrial;
          bgtd0 = gtdNew;
        } else {
          b1 = t;
          bf1 = fNew;
          bg1 = gTrial;
          bgtd1 = gtdNew;
        }
      }
    }
    step = lowIsFirst ? b0 : b1;
    value = lowIsFirst ? bf0 : bf1;
    double[] best = lowIsFirst ? bg0 : bg1;
    if (best != gradient) {
      System.arraycopy(best, 0, gradient, 0, gradient.length);
    }
    evaluations = evals;
  }

  /**
   * The minimizer of the cubic through (x₁, f₁) and (x₂, f₂) with slopes g₁, g₂, clamped to [lo,
   * hi]; the midpoint of [lo, hi] when the cubic has no minimum.
   */
  static double cubicMinimum(
      double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minimum =
          x1 <= x2
              ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
              : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      return Math.min(Math.max(minimum, lo), hi);
    }
    return (lo + hi) / 2;
  }

  private double evaluate(Evaluator objective, double[] x, double t, double[] d, double[] into) {
    for (int i = 0; i < x.length; i++) {
      trial[i] = x[i] + t * d[i];
    }
    return objective.evaluate(trial, into);
  }

  /** A pool buffer that is neither {@code a} nor {@code b}; three buffers always leave one. */
  private double[] free(double[] a, double[] b) {
    for (double[] buffer : pool) {
      if (buffer != a && buffer != b) {
        return buffer;
      }
    }
    throw new AssertionError("no free line-search buffer");
  }
}
