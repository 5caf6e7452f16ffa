package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;

/**
 * Independent reference implementations of the modern methods, each written from its paper's
 * pseudo-code (and optax's documented conventions where the docs say so), with plain loops and
 * fresh arrays: no code is shared with the main sources. Blocks are given as {start, end} pairs.
 * Each returns the trajectory θ₁ … θ_T (one row per step); {@code momenta}, when not null, gives β₁
 * (or μ) per step, as a momentum schedule would.
 */
final class ModernReference {
  private ModernReference() {}

  static double[] gradient(Evaluator f, double[] x) {
    double[] g = new double[x.length];
    f.evaluate(x.clone(), g);
    return g;
  }

  static double sign(double v) {
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  }

  static double at(double[] momenta, int t, double fallback) {
    return momenta == null ? fallback : momenta[t - 1];
  }

  /** Chen et al. 2023, Algorithm 2 (decoupled weight decay inside the lr-scaled step). */
  static double[][] lion(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double b1,
      double b2,
      double wd,
      double[] momenta) {
    double[] theta = start.clone();
    double[] m = new double[theta.length];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double beta1 = at(momenta, t, b1);
      double[] g = gradient(f, theta);
      for (int i = 0; i < theta.length; i++) {
        double update = sign(beta1 * m[i] + (1 - beta1) * g[i]);
        theta[i] = theta[i] - lr * (update + wd * theta[i]);
        m[i] = b2 * m[i] + (1 - b2) * g[i];
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  /** You et al. 2017, Algorithm 1: local lr η‖w‖/(‖∇‖ + β‖w‖), momentum on the scaled step. */
  static double[][] lars(
      Evaluator f,
      double[] start,
      int[][] blocks,
      int steps,
      double lr,
      double momentum,
      double wd,
      double eta,
      double eps,
      boolean nesterov) {
    double[] w = start.clone();
    double[] v = new double[w.length];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] g = gradient(f, w);
      double[] next = w.clone();
      for (int[] block : blocks) {
        double wn = 0;
        double gn = 0;
        for (int i = block[0]; i < block[1]; i++) {
          wn += w[i] * w[i];
          gn += g[i] * g[i];
        }
        wn = Math.sqrt(wn);
        gn = Math.sqrt(gn);
        double local = (wn == 0 || gn == 0) ? 1.0 : eta * wn / (gn + wd * wn + eps);
        for (int i = block[0]; i < block[1]; i++) {
          double step = lr * local * (g[i] + wd * w[i]);
          v[i] = momentum * v[i] + step;
          next[i] = w[i] - (nesterov ? momentum * v[i] + step : v[i]);
        }
      }
      w = next;
      out[t - 1] = w.clone();
    }
    return out;
  }

  /** You et al. 2020, Algorithm 2 with φ(z) = z, optax's eps_root inside the root. */
  static double[][] lamb(
      Evaluator f,
      double[] start,
      int[][] blocks,
      int steps,
      double lr,
      double b1,
      double b2,
      double eps,
      double epsRoot,
      double wd,
      double[] momenta) {
    double[] x = start.clone();
    double[] m = new double[x.length];
    double[] v = new double[x.length];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double beta1 = at(momenta, t, b1);
      double[] g = gradient(f, x);
      double[] r = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double mHat = m[i] / (1 - Math.pow(beta1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        r[i] = mHat / (Math.sqrt(vHat + epsRoot) + eps) + wd * x[i];
      }
      double[] next = x.clone();
      for (int[] block : blocks) {
        double xn = 0;
        double rn = 0;
        for (int i = block[0]; i < block[1]; i++) {
          xn += x[i] * x[i];
          rn += r[i] * r[i];
        }
        double ratio = (xn == 0 || rn == 0) ? 1.0 : Math.sqrt(xn) / Math.sqrt(rn);
        for (int i = block[0]; i < block[1]; i++) {
          next[i] = x[i] - lr * ratio * r[i];
        }
      }
      x = next;
      out[t - 1] = x.clone();
    }
    return out;
  }

  /** Zhuang et al. 2020, Algorithm 2 (s from g − m_t, ε added to s every step and to √ŝ). */
  static double[][] adabelief(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double b1,
      double b2,
      double eps,
      double epsRoot,
      double[] momenta) {
    double[] theta = start.clone();
    double[] m = new double[theta.length];
    double[] s = new double[theta.length];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double beta1 = at(momenta, t, b1);
      double[] g = gradient(f, theta);
      for (int i = 0; i < theta.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        s[i] = b2 * s[i] + (1 - b2) * (g[i] - m[i]) * (g[i] - m[i]) + epsRoot;
        double mHat = m[i] / (1 - Math.pow(beta1, t));
        double sHat = s[i] / (1 - Math.pow(b2, t));
        theta[i] = theta[i] - lr * mHat / (Math.sqrt(sHat) + eps);
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  /** Zaheer et al. 2018, Algorithm 2, with optax's initial accumulators and bias correction. */
  static double[][] yogi(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double b1,
      double b2,
      double eps,
      double initial,
      double[] momenta) {
    double[] x = start.clone();
    double[] m = new double[x.length];
    double[] v = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      m[i] = initial;
      v[i] = initial;
    }
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double beta1 = at(momenta, t, b1);
      double[] g = gradient(f, x);
      for (int i = 0; i < x.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        double g2 = g[i] * g[i];
        v[i] = v[i] - (1 - b2) * sign(v[i] - g2) * g2;
        double mHat = m[i] / (1 - Math.pow(beta1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        x[i] = x[i] - lr * mHat / (Math.sqrt(vHat) + eps);
      }
      out[t - 1] = x.clone();
    }
    return out;
  }

  /** Ginsburg et al. 2019, Algorithm 1: one v per layer, first step initialises v and m. */
  static double[][] novograd(
      Evaluator f,
      double[] start,
      int[][] blocks,
      int steps,
      double lr,
      double b1,
      double b2,
      double eps,
      double epsRoot,
      double wd,
      double[] momenta) {
    double[] w = start.clone();
    double[] m = new double[w.length];
    double[] v = new double[blocks.length];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double beta1 = at(momenta, t, b1);
      double[] g = gradient(f, w);
      for (int l = 0; l < blocks.length; l++) {
        double norm2 = 0;
        for (int i = blocks[l][0]; i < blocks[l][1]; i++) {
          norm2 += g[i] * g[i];
        }
        // ‖g‖² as the square of the norm, as the paper writes it
        norm2 = Math.pow(Math.sqrt(norm2), 2);
        if (t == 1) {
          v[l] = norm2;
        } else {
          v[l] = b2 * v[l] + (1 - b2) * norm2;
        }
        for (int i = blocks[l][0]; i < blocks[l][1]; i++) {
          double normalized = g[i] / (Math.sqrt(v[l] + epsRoot) + eps) + wd * w[i];
          m[i] = t == 1 ? normalized : beta1 * m[i] + normalized;
        }
      }
      for (int i = 0; i < w.length; i++) {
        w[i] = w[i] - lr * m[i];
      }
      out[t - 1] = w.clone();
    }
    return out;
  }

  /**
   * Schedule-free SGD / AdamW in the reference implementation's form (facebookresearch's "closure"
   * variant): it keeps only y and z and updates y in place, never x:
   *
   * <pre>
   * y ← y + c (z − y) + γ (β(1 − c) − 1) d;   z ← z − γ d
   * </pre>
   *
   * which is algebraically the paper's three-sequence form when β is constant. x, the answer, is
   * then recovered as (y − (1 − β)z) / β, so this reference checks the implementation's explicit x
   * by a different route. Rows: y after each step, then, as the last row, the final x.
   */
  static double[][] scheduleFree(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double beta,
      boolean adam,
      double beta2,
      double eps,
      double wd,
      long warmup,
      double r,
      double weightLrPower) {
    int n = start.length;
    double[] y = start.clone();
    double[] z = start.clone();
    double[] v = new double[n];
    double lrMax = 0;
    double weightSum = 0;
    double[][] out = new double[steps + 1][];
    for (int k = 0; k < steps; k++) {
      double[] g = gradient(f, y);
      double sched = k < warmup ? (k + 1.0) / warmup : 1.0;
      double gamma = lr * sched;
      if (adam) {
        gamma = gamma * Math.sqrt(1 - Math.pow(beta2, k + 1));
      }
      lrMax = Math.max(lrMax, gamma);
      double weight = Math.pow(k + 1, r) * Math.pow(lrMax, weightLrPower);
      weightSum += weight;
      double c = weightSum == 0 ? 0 : weight / weightSum;
      for (int i = 0; i < n; i++) {
        double d = g[i];
        if (adam) {
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
          d = g[i] / (Math.sqrt(v[i]) + eps);
        }
        d += wd * y[i];
        y[i] = y[i] + c * (z[i] - y[i]) + gamma * (beta * (1 - c) - 1) * d;
        z[i] = z[i] - gamma * d;
      }
      out[k] = y.clone();
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (y[i] - (1 - beta) * z[i]) / beta;
    }
    out[steps] = x;
    return out;
  }
}
