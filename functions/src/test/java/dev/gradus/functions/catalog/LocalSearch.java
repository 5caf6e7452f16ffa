package dev.gradus.functions.catalog;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import java.util.Arrays;

/** Local refinement written for the tests: Newton's method and a box-clamped Nelder–Mead. */
final class LocalSearch {
  private LocalSearch() {}

  /**
   * Newton's method on the coordinates that are not fixed, with the autodiff gradient and a Hessian
   * from central differences of that gradient. Returns the refined point.
   */
  static double[] newton(Objective f, double[] start, boolean[] fixed) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    for (int iteration = 0; iteration < 50; iteration++) {
      f.valueAndGradient(x, g);
      double[][] h = hessian(f, x);
      double[] step = solveFree(h, g, fixed);
      double largest = 0;
      for (int i = 0; i < n; i++) {
        x[i] -= step[i];
        largest = Math.max(largest, Math.abs(step[i]) / Math.max(1, Math.abs(x[i])));
      }
      if (largest < 1e-17) {
        break;
      }
    }
    return x;
  }

  /** The Hessian as central differences of the gradient, symmetrised. */
  static double[][] hessian(Objective f, double[] x) {
    int n = x.length;
    double[][] h = new double[n][n];
    double[] plus = new double[n];
    double[] minus = new double[n];
    double[] point = x.clone();
    for (int j = 0; j < n; j++) {
      double step = 1e-5 * Math.max(1, Math.abs(x[j]));
      point[j] = x[j] + step;
      f.valueAndGradient(point, plus);
      point[j] = x[j] - step;
      f.valueAndGradient(point, minus);
      point[j] = x[j];
      for (int i = 0; i < n; i++) {
        h[i][j] = (plus[i] - minus[i]) / (2 * step);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (h[i][j] + h[j][i]) / 2;
        h[i][j] = mean;
        h[j][i] = mean;
      }
    }
    return h;
  }

  /** True when the Hessian restricted to the free coordinates is positive definite (Cholesky). */
  static boolean positiveDefinite(double[][] h, boolean[] fixed) {
    int[] free = freeIndices(fixed);
    int m = free.length;
    double[][] l = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = h[free[a]][free[b]];
        for (int c = 0; c < b; c++) {
          sum -= l[a][c] * l[b][c];
        }
        if (a == b) {
          if (!(sum > 0)) {
            return false;
          }
          l[a][a] = Math.sqrt(sum);
        } else {
          l[a][b] = sum / l[b][b];
        }
      }
    }
    return true;
  }

  private static int[] freeIndices(boolean[] fixed) {
    int count = 0;
    for (boolean f : fixed) {
      count += f ? 0 : 1;
    }
    int[] free = new int[count];
    for (int i = 0, k = 0; i < fixed.length; i++) {
      if (!fixed[i]) {
        free[k++] = i;
      }
    }
    return free;
  }

  /**
   * Solves H_ff·s = g_f by Gaussian elimination with partial pivoting; fixed entries of s are 0.
   */
  private static double[] solveFree(double[][] h, double[] g, boolean[] fixed) {
    int[] free = freeIndices(fixed);
    int m = free.length;
    double[][] a = new double[m][m + 1];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < m; c++) {
        a[r][c] = h[free[r]][free[c]];
      }
      a[r][m] = g[free[r]];
    }
    for (int col = 0; col < m; col++) {
      int pivot = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = col + 1; r < m; r++) {
        double factor = a[r][col] / a[col][col];
        for (int c = col; c <= m; c++) {
          a[r][c] -= factor * a[col][c];
        }
      }
    }
    double[] s = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double sum = a[r][m];
      for (int c = r + 1; c < m; c++) {
        sum -= a[r][c] * s[c];
      }
      s[r] = sum / a[r][r];
    }
    double[] step = new double[g.length];
    for (int k = 0; k < m; k++) {
      step[free[k]] = s[k];
    }
    return step;
  }

  /** Nelder–Mead with the simplex clamped to the box; returns the best vertex found. */
  static double[] nelderMead(Objective f, double[] start, Domain box, double size, int iterations) {
    int n = start.length;
    double[] lower = box.lower();
    double[] upper = box.upper();
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = clamp(start.clone(), lower, upper);
    for (int i = 0; i < n; i++) {
      double[] vertex = start.clone();
      vertex[i] += size;
      simplex[i + 1] = clamp(vertex, lower, upper);
    }
    for (int i = 0; i <= n; i++) {
      values[i] = f.value(simplex[i]);
    }
    for (int iteration = 0; iteration < iterations; iteration++) {
      Integer[] order = new Integer[n + 1];
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      final double[] v = values;
      Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
      double[][] sorted = new double[n + 1][];
      double[] sortedValues = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sorted[i] = simplex[order[i]];
        sortedValues[i] = values[order[i]];
      }
      simplex = sorted;
      values = sortedValues;
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] reflected = clamp(along(centroid, simplex[n], -1), lower, upper);
      double fr = f.value(reflected);
      if (fr < values[0]) {
        double[] expanded = clamp(along(centroid, simplex[n], -2), lower, upper);
        double fe = f.value(expanded);
        simplex[n] = fe < fr ? expanded : reflected;
        values[n] = Math.min(fe, fr);
      } else if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        double[] contracted = clamp(along(centroid, simplex[n], 0.5), lower, upper);
        double fc = f.value(contracted);
        if (fc < values[n]) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = along(simplex[0], simplex[i], 0.5);
            values[i] = f.value(simplex[i]);
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return simplex[best];
  }

  /** centroid + t·(worst − centroid). */
  private static double[] along(double[] centroid, double[] worst, double t) {
    double[] out = new double[centroid.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = centroid[i] + t * (worst[i] - centroid[i]);
    }
    return out;
  }

  private static double[] clamp(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
    }
    return x;
  }
}
