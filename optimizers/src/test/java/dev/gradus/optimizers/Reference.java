package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent reference implementations written straight from the torch.optim documentation's
 * pseudo-code, with the plainest loops and fresh arrays: no code is shared with the main sources.
 * Each returns the trajectory θ₁ … θ_T (one row per step).
 */
final class Reference {
  private Reference() {}

  static double[] gradient(Evaluator f, double[] x) {
    double[] g = new double[x.length];
    f.evaluate(x.clone(), g);
    return g;
  }

  static double[][] sgd(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double momentum,
      double dampening,
      boolean nesterov,
      double weightDecay,
      boolean maximize) {
    int n = start.length;
    double[] theta = start.clone();
    double[] buf = new double[n];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] g = gradient(f, theta);
      for (int i = 0; i < n; i++) {
        if (maximize) {
          g[i] = -g[i];
        }
        if (weightDecay != 0) {
          g[i] = g[i] + weightDecay * theta[i];
        }
        if (momentum != 0) {
          if (t > 1) {
            buf[i] = momentum * buf[i] + (1 - dampening) * g[i];
          } else {
            buf[i] = g[i];
          }
          if (nesterov) {
            g[i] = g[i] + momentum * buf[i];
          } else {
            g[i] = buf[i];
          }
        }
        theta[i] = theta[i] - lr * g[i];
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  static double[][] adam(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize,
      boolean decoupled) {
    int n = start.length;
    double[] theta = start.clone();
    double[] m = new double[n];
    double[] v = new double[n];
    double[] vMax = new double[n];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] g = gradient(f, theta);
      for (int i = 0; i < n; i++) {
        if (maximize) {
          g[i] = -g[i];
        }
        if (decoupled) {
          theta[i] = theta[i] - lr * weightDecay * theta[i];
        } else if (weightDecay != 0) {
          g[i] = g[i] + weightDecay * theta[i];
        }
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        double mHat = m[i] / (1 - Math.pow(beta1, t));
        double vHat;
        if (amsgrad) {
          vMax[i] = Math.max(vMax[i], v[i]);
          vHat = vMax[i] / (1 - Math.pow(beta2, t));
        } else {
          vHat = v[i] / (1 - Math.pow(beta2, t));
        }
        theta[i] = theta[i] - lr * mHat / (Math.sqrt(vHat) + eps);
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  static double[][] rmsprop(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double alpha,
      double eps,
      double weightDecay,
      double momentum,
      boolean centered,
      boolean maximize) {
    int n = start.length;
    double[] theta = start.clone();
    double[] v = new double[n];
    double[] gAve = new double[n];
    double[] b = new double[n];
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] g = gradient(f, theta);
      for (int i = 0; i < n; i++) {
        if (maximize) {
          g[i] = -g[i];
        }
        if (weightDecay != 0) {
          g[i] = g[i] + weightDecay * theta[i];
        }
        v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
        double vTilde = v[i];
        if (centered) {
          gAve[i] = alpha * gAve[i] + (1 - alpha) * g[i];
          vTilde = vTilde - gAve[i] * gAve[i];
        }
        if (momentum > 0) {
          b[i] = momentum * b[i] + g[i] / (Math.sqrt(vTilde) + eps);
          theta[i] = theta[i] - lr * b[i];
        } else {
          theta[i] = theta[i] - lr * g[i] / (Math.sqrt(vTilde) + eps);
        }
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  static double[][] adagrad(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double lrDecay,
      double weightDecay,
      double initialAccumulator,
      double eps,
      boolean maximize) {
    int n = start.length;
    double[] theta = start.clone();
    double[] sum = new double[n];
    java.util.Arrays.fill(sum, initialAccumulator);
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] g = gradient(f, theta);
      double clr = lr / (1 + (t - 1) * lrDecay);
      for (int i = 0; i < n; i++) {
        if (maximize) {
          g[i] = -g[i];
        }
        if (weightDecay != 0) {
          g[i] = g[i] + weightDecay * theta[i];
        }
        sum[i] = sum[i] + g[i] * g[i];
        theta[i] = theta[i] - clr * g[i] / (Math.sqrt(sum[i]) + eps);
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  static double[][] nadam(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      double psi,
      boolean decoupled,
      boolean maximize) {
    int n = start.length;
    double[] theta = start.clone();
    double[] m = new double[n];
    double[] v = new double[n];
    double[][] out = new double[steps][];
    // mu[i] = μ_i, with mu[0] unused
    double[] mu = new double[steps + 2];
    for (int i = 1; i < mu.length; i++) {
      mu[i] = beta1 * (1 - 0.5 * Math.pow(0.96, i * psi));
    }
    for (int t = 1; t <= steps; t++) {
      double[] g = gradient(f, theta);
      double productT = 1;
      for (int i = 1; i <= t; i++) {
        productT *= mu[i];
      }
      double productNext = productT * mu[t + 1];
      for (int i = 0; i < n; i++) {
        if (maximize) {
          g[i] = -g[i];
        }
        if (weightDecay != 0) {
          if (decoupled) {
            theta[i] = theta[i] - lr * weightDecay * theta[i];
          } else {
            g[i] = g[i] + weightDecay * theta[i];
          }
        }
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        double mHat = mu[t + 1] * m[i] / (1 - productNext) + (1 - mu[t]) * g[i] / (1 - productT);
        double vHat = v[i] / (1 - Math.pow(beta2, t));
        theta[i] = theta[i] - lr * mHat / (Math.sqrt(vHat) + eps);
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  // ---- L-BFGS ----

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** What L-BFGS keeps between steps, as in torch's state dict. */
  static final class LbfgsMemory {
    int nIter;
    double[] d;
    double t;
    double hDiag = 1;
    double[] prevFlatGrad;
    double prevLoss;
    List<double[]> oldDirs = new ArrayList<>();
    List<double[]> oldStps = new ArrayList<>();
    List<Double> ro = new ArrayList<>();
  }

  record Trial(double f, double[] g) {}

  static Trial at(Evaluator f, double[] x, double t, double[] d) {
    double[] point = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      point[i] = x[i] + t * d[i];
    }
    double[] g = new double[x.length];
    double value = f.evaluate(point, g);
    return new Trial(value, g);
  }

  /** Minimizer of the cubic interpolating two points with slopes, clamped to [lo, hi]. */
  static double cubic(
      double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double disc = d1 * d1 - g1 * g2;
    if (disc < 0) {
      return (lo + hi) / 2;
    }
    double d2 = Math.sqrt(disc);
    double xs;
    if (x1 <= x2) {
      xs = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2));
    } else {
      xs = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    }
    return Math.min(Math.max(xs, lo), hi);
  }

  record Search(double f, double[] g, double t, int evals) {}

  /** Strong Wolfe search (c1 = 1e-4, c2 = 0.9, 25 evaluations, bracket tolerance 1e-9). */
  static Search strongWolfe(
      Evaluator f, double[] x, double t, double[] d, double f0, double[] g0, double gtd0) {
    double c1 = 1e-4;
    double c2 = 0.9;
    int maxLs = 25;
    double dNorm = normInf(d);
    Trial now = at(f, x, t, d);
    int evals = 1;
    double gtdNow = dot(now.g(), d);
    double tPrev = 0;
    Trial prev = new Trial(f0, g0.clone());
    double gtdPrev = gtd0;
    boolean done = false;
    int iter = 0;
    double[] bt = null;
    Trial[] bv = null;
    double[] bgtd = null;
    while (iter < maxLs) {
      if (now.f() > f0 + c1 * t * gtd0 || (iter > 1 && now.f() >= prev.f())) {
        bt = new double[] {tPrev, t};
        bv = new Trial[] {prev, now};
        bgtd = new double[] {gtdPrev, gtdNow};
        break;
      }
      if (Math.abs(gtdNow) <= -c2 * gtd0) {
        bt = new double[] {t};
        bv = new Trial[] {now};
        done = true;
        break;
      }
      if (gtdNow >= 0) {
        bt = new double[] {tPrev, t};
        bv = new Trial[] {prev, now};
        bgtd = new double[] {gtdPrev, gtdNow};
        break;
      }
      double lo = t + 0.01 * (t - tPrev);
      double hi = t * 10;
      double next = cubic(tPrev, prev.f(), gtdPrev, t, now.f(), gtdNow, lo, hi);
      tPrev = t;
      prev = now;
      gtdPrev = gtdNow;
      t = next;
      now = at(f, x, t, d);
      evals++;
      gtdNow = dot(now.g(), d);
      iter++;
    }
    if (iter == maxLs) {
      bt = new double[] {0, t};
      bv = new Trial[] {new Trial(f0, g0), now};
      bgtd = new double[] {gtd0, gtdNow};
    }
    boolean insuf = false;
    int low = bv[0].f() <= bv[bv.length - 1].f() ? 0 : 1;
    int high = 1 - low;
    while (!done && iter < maxLs) {
      if (Math.abs(bt[1] - bt[0]) * dNorm < 1e-9) {
        break;
      }
      double lo = Math.min(bt[0], bt[1]);
      double hi = Math.max(bt[0], bt[1]);
      t = cubic(bt[0], bv[0].f(), bgtd[0], bt[1], bv[1].f(), bgtd[1], lo, hi);
      double eps = 0.1 * (hi - lo);
      if (Math.min(hi - t, t - lo) < eps) {
        if (insuf || t >= hi || t <= lo) {
          if (Math.abs(t - hi) < Math.abs(t - lo)) {
            t = hi - eps;
          } else {
            t = lo + eps;
          }
          insuf = false;
        } else {
          insuf = true;
        }
      } else {
        insuf = false;
      }
      now = at(f, x, t, d);
      evals++;
      gtdNow = dot(now.g(), d);
      iter++;
      if (now.f() > f0 + c1 * t * gtd0 || now.f() >= bv[low].f()) {
        bt[high] = t;
        bv[high] = now;
        bgtd[high] = gtdNow;
        low = bv[0].f() <= bv[1].f() ? 0 : 1;
        high = 1 - low;
      } else {
        if (Math.abs(gtdNow) <= -c2 * gtd0) {
          done = true;
        } else if (gtdNow * (bt[high] - bt[low]) >= 0) {
          bt[high] = bt[low];
          bv[high] = bv[low];
          bgtd[high] = bgtd[low];
        }
        bt[low] = t;
        bv[low] = now;
        bgtd[low] = gtdNow;
      }
    }
    return new Search(bv[low].f(), bv[low].g(), bt[low], evals);
  }

  /** One torch LBFGS.step with the closure f at x (moved in place); returns evaluations made. */
  static int lbfgsStep(
      Evaluator f,
      double[] x,
      LbfgsMemory mem,
      double lr,
      int maxIter,
      int maxEval,
      double tolGrad,
      double tolChange,
      int history,
      boolean wolfe) {
    double[] g = new double[x.length];
    double loss = f.evaluate(x.clone(), g);
    int evals = 1;
    if (normInf(g) <= tolGrad) {
      return evals;
    }
    int k = 0;
    while (k < maxIter) {
      k++;
      mem.nIter++;
      if (mem.nIter == 1) {
        mem.d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          mem.d[i] = -g[i];
        }
        mem.oldDirs.clear();
        mem.oldStps.clear();
        mem.ro.clear();
        mem.hDiag = 1;
      } else {
        double[] y = new double[x.length];
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          y[i] = g[i] - mem.prevFlatGrad[i];
          s[i] = mem.d[i] * mem.t;
        }
        double ys = dot(y, s);
        if (ys > 1e-10) {
          if (mem.oldDirs.size() == history) {
            mem.oldDirs.remove(0);
            mem.oldStps.remove(0);
            mem.ro.remove(0);
          }
          mem.oldDirs.add(y);
          mem.oldStps.add(s);
          mem.ro.add(1 / ys);
          mem.hDiag = ys / dot(y, y);
        }
        int m = mem.oldDirs.size();
        double[] al = new double[m];
        double[] q = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          q[i] = -g[i];
        }
        for (int j = m - 1; j >= 0; j--) {
          al[j] = dot(mem.oldStps.get(j), q) * mem.ro.get(j);
          for (int i = 0; i < x.length; i++) {
            q[i] -= al[j] * mem.oldDirs.get(j)[i];
          }
        }
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          r[i] = q[i] * mem.hDiag;
        }
        for (int j = 0; j < m; j++) {
          double be = dot(mem.oldDirs.get(j), r) * mem.ro.get(j);
          for (int i = 0; i < x.length; i++) {
            r[i] += mem.oldStps.get(j)[i] * (al[j] - be);
          }
        }
        mem.d = r;
      }
      mem.prevFlatGrad = g.clone();
      mem.prevLoss = loss;
      if (mem.nIter == 1) {
        double l1 = 0;
        for (double v : g) {
          l1 += Math.abs(v);
        }
        mem.t = Math.min(1, 1 / l1) * lr;
      } else {
        mem.t = lr;
      }
      double gtd = dot(g, mem.d);
      if (gtd > -tolChange) {
        break;
      }
      int lsEvals = 0;
      boolean opt = false;
      if (wolfe) {
        Search s = strongWolfe(f, x, mem.t, mem.d, loss, g, gtd);
        loss = s.f();
        g = s.g().clone();
        mem.t = s.t();
        lsEvals = s.evals();
        for (int i = 0; i < x.length; i++) {
          x[i] += mem.t * mem.d[i];
        }
        opt = normInf(g) <= tolGrad;
      } else {
        for (int i = 0; i < x.length; i++) {
          x[i] += mem.t * mem.d[i];
        }
        if (k != maxIter) {
          g = new double[x.length];
          loss = f.evaluate(x.clone(), g);
          lsEvals = 1;
          opt = normInf(g) <= tolGrad;
        }
      }
      evals += lsEvals;
      if (k == maxIter || evals >= maxEval || opt) {
        break;
      }
      double[] step = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        step[i] = mem.d[i] * mem.t;
      }
      if (normInf(step) <= tolChange || Math.abs(loss - mem.prevLoss) < tolChange) {
        break;
      }
    }
    return evals;
  }
}
