package dev.gradus.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * newton, newton-cg, trust-region and adahessian against references written here, densely and
 * plainly, from Nocedal &amp; Wright's Algorithms 3.1, 3.3, 4.1, 7.1 and 7.2 and from the
 * AdaHessian paper's update, on functions whose Hessians are written out by hand.
 */
class SecondOrderMethodsTest {
  /** A function with its Hessian written out, counting value and Hessian-vector calls. */
  abstract static class Explicit implements Evaluator {
    int evaluations;
    int products;

    abstract double value(double[] x);

    abstract double[] gradient(double[] x);

    abstract double[][] hessian(double[] x);

    @Override
    public double evaluate(double[] x, double[] gradient) {
      evaluations++;
      System.arraycopy(gradient(x), 0, gradient, 0, x.length);
      return value(x);
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out) {
      products++;
      double[] hv = times(hessian(x), v);
      System.arraycopy(hv, 0, out, 0, hv.length);
    }
  }

  /** Rosenbrock's (1 − x)² + 100(y − x²)². */
  static final class Rosenbrock extends Explicit {
    @Override
    double value(double[] p) {
      double a = 1 - p[0];
      double b = p[1] - p[0] * p[0];
      return a * a + 100 * b * b;
    }

    @Override
    double[] gradient(double[] p) {
      double b = p[1] - p[0] * p[0];
      return new double[] {-2 * (1 - p[0]) - 400 * p[0] * b, 200 * b};
    }

    @Override
    double[][] hessian(double[] p) {
      double x = p[0];
      double y = p[1];
      return new double[][] {{2 - 400 * (y - x * x) + 800 * x * x, -400 * x}, {-400 * x, 200}};
    }
  }

  /** ½xᵀAx − bᵀx. */
  static final class Quadratic extends Explicit {
    final double[][] a;
    final double[] b;

    Quadratic(double[][] a, double[] b) {
      this.a = a;
      this.b = b;
    }

    @Override
    double value(double[] x) {
      return 0.5 * dot(x, times(a, x)) - dot(b, x);
    }

    @Override
    double[] gradient(double[] x) {
      double[] g = times(a, x);
      for (int i = 0; i < g.length; i++) {
        g[i] -= b[i];
      }
      return g;
    }

    @Override
    double[][] hessian(double[] x) {
      return a;
    }
  }

  // ---- the optimizers under test ----

  static List<double[]> run(Optimizer optimizer, Explicit f, double[] start, int steps) {
    double[] x = start.clone();
    double[] g = new double[x.length];
    OptimizerState state = optimizer.init(x.length);
    List<double[]> path = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      double value = f.evaluate(x, g);
      optimizer.step(x, value, g, optimizer.learningRate(), state, f);
      path.add(x.clone());
    }
    return path;
  }

  @Test
  void newtonFollowsTheReferenceAndConvergesOnRosenbrock() {
    List<double[]> path =
        run(new Newton(Newton.Config.DEFAULTS), new Rosenbrock(), new double[] {-1.2, 1}, 40);
    List<double[]> reference = referenceNewton(new Rosenbrock(), new double[] {-1.2, 1}, 40, 0);
    assertPathsEqual(reference, path);
    assertArrayEquals(new double[] {1, 1}, path.get(path.size() - 1), 1e-12);
  }

  @Test
  void newtonTakesOneStepToAPositiveDefiniteQuadraticsMinimizer() {
    Quadratic q =
        new Quadratic(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}, new double[] {1, 2, 3});
    double[] x = run(new Newton(Newton.Config.DEFAULTS), q, new double[] {5, -4, 2}, 1).get(0);
    // the step lands where the gradient Ax − b vanishes
    double[] residual = q.gradient(x);
    assertArrayEquals(new double[3], residual, 1e-14);
  }

  @Test
  void newtonShiftsAnIndefiniteHessianAsAlgorithm33Does() {
    // H = diag(1, −2): τ₀ = β − (−2) = 2.001 makes H + τI = diag(3.001, 0.001) positive definite
    Quadratic saddle = new Quadratic(new double[][] {{1, 0}, {0, -2}}, new double[] {0, 0});
    List<double[]> path = run(new Newton(Newton.Config.DEFAULTS), saddle, new double[] {1, 1}, 1);
    List<double[]> reference = referenceNewton(saddle, new double[] {1, 1}, 1, 0);
    assertPathsEqual(reference, path);
    assertTrue(saddle.value(path.get(0)) < saddle.value(new double[] {1, 1}));
  }

  @Test
  void newtonCgFollowsTheReferenceAndConvergesOnRosenbrock() {
    List<double[]> path =
        run(new NewtonCg(NewtonCg.Config.DEFAULTS), new Rosenbrock(), new double[] {-1.2, 1}, 100);
    // the forcing sequence stops CG after one iteration while ‖∇f‖ is large, so the first steps
    // are steepest descent along the valley; the last ones are Newton's
    List<double[]> reference = referenceNewtonCg(new Rosenbrock(), new double[] {-1.2, 1}, 100);
    assertPathsEqual(reference, path);
    assertArrayEquals(new double[] {1, 1}, path.get(path.size() - 1), 1e-10);
  }

  @Test
  void newtonCgIsHessianFreeAndCapsItsConjugateGradients() {
    int n = 50;
    double[][] a = new double[n][n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 2 + i % 7;
      if (i + 1 < n) {
        a[i][i + 1] = -1;
        a[i + 1][i] = -1;
      }
      b[i] = 1e-6 * (1 + (i % 3)); // small, so the forcing tolerance cannot stop CG first
    }
    Quadratic q = new Quadratic(a, b);
    run(new NewtonCg(new NewtonCg.Config(1.0, 3)), q, new double[n], 1);
    assertEquals(3, q.products, "at most max_cg_iterations products in a step");
  }

  @Test
  void trustRegionFollowsTheReferenceAndConvergesOnRosenbrock() {
    List<double[]> path =
        run(
            new TrustRegion(TrustRegion.Config.DEFAULTS),
            new Rosenbrock(),
            new double[] {-1.2, 1},
            80);
    List<double[]> reference =
        referenceTrustRegion(
            new Rosenbrock(), new double[] {-1.2, 1}, 80, TrustRegion.Config.DEFAULTS);
    assertPathsEqual(reference, path);
    assertArrayEquals(new double[] {1, 1}, path.get(path.size() - 1), 1e-10);
  }

  @Test
  void steihaugSolvesAPositiveDefiniteModelInsideTheRegionExactly() {
    // n = 2: conjugate gradients end in two iterations at the Newton step −A⁻¹g
    // (a gradient this small makes the forcing tolerance min(0.5, √‖g‖)‖g‖ tight enough)
    Quadratic q = new Quadratic(new double[][] {{3, 1}, {1, 2}}, new double[] {0, 0});
    double[] x = {0, 0};
    double[] g = {1e-8, -2e-8};
    SecondOrder.Workspace w = new SecondOrder.Workspace(2);
    double decrease = SecondOrder.steihaug(q, x, g, 100, 100, w);
    // A⁻¹ = (1/5)[[2, −1], [−1, 3]], so −A⁻¹g = −(1/5)(2 + 2, −1 − 6)·10⁻⁸ = (−0.8, 1.4)·10⁻⁸
    assertArrayEquals(new double[] {-0.8e-8, 1.4e-8}, w.direction, 1e-22);
    // −m(p) = ½gᵀA⁻¹g = ½(0.8 + 2.8)·10⁻¹⁶ = 1.8·10⁻¹⁶
    assertEquals(1.8e-16, decrease, 1e-30);
  }

  @Test
  void steihaugStopsOnTheBoundaryWhenTheStepWouldLeaveIt() {
    Quadratic q = new Quadratic(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0});
    SecondOrder.Workspace w = new SecondOrder.Workspace(2);
    SecondOrder.steihaug(q, new double[2], new double[] {3, 4}, 0.5, 100, w);
    // the first CG step −g leaves the ball of radius 0.5: the answer is −0.5 g/‖g‖
    assertArrayEquals(new double[] {-0.3, -0.4}, w.direction, 1e-15);
  }

  @Test
  void steihaugFollowsNegativeCurvatureToTheBoundaryOnItsLowerSide() {
    // H = diag(1, −1), g = (1, 0.3): dᵀHd = 1 − 0.09 > 0 first; then the model is unbounded
    Quadratic q = new Quadratic(new double[][] {{1, 0}, {0, -1}}, new double[] {0, 0});
    SecondOrder.Workspace w = new SecondOrder.Workspace(2);
    double decrease = SecondOrder.steihaug(q, new double[2], new double[] {1, 0.3}, 2, 100, w);
    double[] p = w.direction;
    assertEquals(2, Math.hypot(p[0], p[1]), 1e-12, "on the boundary");
    double model = 1 * p[0] + 0.3 * p[1] + 0.5 * (p[0] * p[0] - p[1] * p[1]);
    assertEquals(-model, decrease, 1e-12);
    double[] reference =
        steihaugReference(new double[] {1, 0.3}, new double[][] {{1, 0}, {0, -1}}, 2);
    assertArrayEquals(reference, p, 1e-12);
    // the other end of the chord through the last iterate is higher: that is what "lower side"
    // means
    assertTrue(model < model(new double[] {1, 0.5}, q.a, scale(-1, p)), "model " + model);
  }

  @Test
  void adaHessianIsAdamWithTheExactDiagonalOnASeparableQuadratic() {
    // for a diagonal H, z ⊙ (Hz) = diag(H) whatever the signs, so the paper's update is exact
    double[] c = {1, 4, 0.5};
    Quadratic q =
        new Quadratic(new double[][] {{c[0], 0, 0}, {0, c[1], 0}, {0, 0, c[2]}}, new double[3]);
    double[] start = {1, -2, 3};
    AdaHessian.Config config = new AdaHessian.Config(0.1, 0.9, 0.999, 1e-4, 0.01, 0.5, 3);
    List<double[]> path = run(new AdaHessian(config), q, start, 25);
    double[] x = start.clone();
    double[] m = new double[3];
    double[] v = new double[3];
    for (int t = 1; t <= 25; t++) {
      for (int i = 0; i < 3; i++) {
        double g = c[i] * x[i];
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * c[i] * c[i];
        double mHat = m[i] / (1 - Math.pow(0.9, t));
        double denominator =
            Math.pow(Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)), 0.5) + 1e-4;
        x[i] = x[i] - 0.1 * (mHat / denominator + 0.01 * x[i]);
      }
      assertArrayEquals(x, path.get(t - 1), 1e-14, "step " + t);
    }
  }

  @Test
  void adaHessiansSignsAreRademacherAndItsEstimateIsUnbiased() {
    // E[z ⊙ Hz] = diag(H): the off-diagonal terms average out over the seeded signs
    double[][] h = {{2, 1.5, -1}, {1.5, 3, 0.5}, {-1, 0.5, 1}};
    Quadratic q = new Quadratic(h, new double[3]);
    AdaHessian.State state = (AdaHessian.State) new AdaHessian(AdaHessian.Config.DEFAULTS).init(3);
    double[] mean = new double[3];
    int draws = 20_000;
    int plus = 0;
    for (int k = 0; k < draws; k++) {
      double[] z = new double[3];
      for (int i = 0; i < 3; i++) {
        z[i] = state.random.nextLong() < 0 ? -1 : 1;
        plus += z[i] > 0 ? 1 : 0;
      }
      double[] hz = times(h, z);
      for (int i = 0; i < 3; i++) {
        mean[i] += z[i] * hz[i] / draws;
      }
    }
    // the off-diagonal sum of row i has standard deviation below 2/√draws ≈ 0.014
    assertArrayEquals(new double[] {2, 3, 1}, mean, 0.06);
    assertEquals(0.5, plus / (3.0 * draws), 0.01);
    assertEquals(0, q.products);
  }

  // ---- references, written densely from the textbook ----

  /** Algorithms 3.3 (shifted Cholesky, here Gaussian elimination on H + τI) and 3.1. */
  static List<double[]> referenceNewton(Explicit f, double[] start, int steps, double damping) {
    double[] x = start.clone();
    List<double[]> path = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      double[] g = f.gradient(x);
      double[][] h = f.hessian(x);
      int n = x.length;
      double minDiagonal = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        minDiagonal = Math.min(minDiagonal, h[i][i]);
      }
      double tau = Math.max(damping, minDiagonal > 0 ? 0 : 1e-3 - minDiagonal);
      while (!positiveDefinite(shift(h, tau))) {
        tau = Math.max(2 * tau, 1e-3);
      }
      double[] d = solve(shift(h, tau), g);
      for (int i = 0; i < n; i++) {
        d[i] = -d[i];
      }
      x = armijo(f, x, g, d, 1.0);
      path.add(x.clone());
    }
    return path;
  }

  /** Algorithm 7.1. */
  static List<double[]> referenceNewtonCg(Explicit f, double[] start, int steps) {
    double[] x = start.clone();
    List<double[]> path = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      double[] g = f.gradient(x);
      double[][] b = f.hessian(x);
      double norm = Math.sqrt(dot(g, g));
      double epsilon = Math.min(0.5, Math.sqrt(norm)) * norm;
      double[] z = new double[x.length];
      double[] r = g.clone();
      double[] d = scale(-1, g);
      double[] p = null;
      for (int j = 0; j < 100 && p == null; j++) {
        if (Math.sqrt(dot(r, r)) <= epsilon) {
          p = z;
          break;
        }
        double[] bd = times(b, d);
        if (dot(d, bd) <= 0) {
          p = j == 0 ? scale(-1, g) : z;
          break;
        }
        double alpha = dot(r, r) / dot(d, bd);
        z = plus(z, scale(alpha, d));
        double[] rNext = plus(r, scale(alpha, bd));
        double beta = dot(rNext, rNext) / dot(r, r);
        d = plus(scale(-1, rNext), scale(beta, d));
        r = rNext;
      }
      x = armijo(f, x, g, p == null ? z : p, 1.0);
      path.add(x.clone());
    }
    return path;
  }

  /** Algorithms 4.1 and 7.2. */
  static List<double[]> referenceTrustRegion(
      Explicit f, double[] start, int steps, TrustRegion.Config config) {
    double[] x = start.clone();
    double radius = config.initialRadius();
    List<double[]> path = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      double[] g = f.gradient(x);
      double[][] b = f.hessian(x);
      double[] p = steihaugReference(g, b, radius);
      double predicted = -(dot(g, p) + 0.5 * dot(p, times(b, p)));
      if (predicted > 0) {
        double[] trial = plus(x, p);
        double rho = (f.value(x) - f.value(trial)) / predicted;
        if (rho < 0.25) {
          radius = 0.25 * radius;
        } else if (rho > 0.75 && Math.sqrt(dot(p, p)) >= radius * (1 - 1e-12)) {
          radius = Math.min(2 * radius, config.maxRadius());
        }
        if (rho > config.eta()) {
          x = trial;
        }
      }
      path.add(x.clone());
    }
    return path;
  }

  static double[] steihaugReference(double[] g, double[][] b, double radius) {
    double norm = Math.sqrt(dot(g, g));
    double epsilon = Math.min(0.5, Math.sqrt(norm)) * norm;
    double[] z = new double[g.length];
    double[] r = g.clone();
    double[] d = scale(-1, g);
    if (norm <= epsilon) {
      return z;
    }
    for (int j = 0; j < 100; j++) {
      double[] bd = times(b, d);
      double curvature = dot(d, bd);
      if (curvature <= 0) {
        double[] taus = roots(z, d, radius);
        double[] first = plus(z, scale(taus[0], d));
        double[] second = plus(z, scale(taus[1], d));
        return model(g, b, first) < model(g, b, second) ? first : second;
      }
      double alpha = dot(r, r) / curvature;
      double[] zNext = plus(z, scale(alpha, d));
      if (Math.sqrt(dot(zNext, zNext)) >= radius) {
        return plus(z, scale(roots(z, d, radius)[1], d));
      }
      double[] rNext = plus(r, scale(alpha, bd));
      if (Math.sqrt(dot(rNext, rNext)) <= epsilon) {
        return zNext;
      }
      double beta = dot(rNext, rNext) / dot(r, r);
      d = plus(scale(-1, rNext), scale(beta, d));
      r = rNext;
      z = zNext;
    }
    return z;
  }

  static double model(double[] g, double[][] b, double[] p) {
    return dot(g, p) + 0.5 * dot(p, times(b, p));
  }

  /** The roots of ‖z + τd‖ = radius by the quadratic formula, smaller first. */
  static double[] roots(double[] z, double[] d, double radius) {
    double a = dot(d, d);
    double bb = 2 * dot(z, d);
    double c = dot(z, z) - radius * radius;
    double disc = Math.sqrt(bb * bb - 4 * a * c);
    return new double[] {(-bb - disc) / (2 * a), (-bb + disc) / (2 * a)};
  }

  static double[] armijo(Explicit f, double[] x, double[] g, double[] d, double t) {
    double fx = f.value(x);
    double slope = dot(g, d);
    for (int k = 0; k < 30; k++, t *= 0.5) {
      double[] trial = plus(x, scale(t, d));
      if (f.value(trial) <= fx + 1e-4 * t * slope) {
        return trial;
      }
    }
    return x;
  }

  // ---- small dense linear algebra ----

  static double[][] shift(double[][] h, double tau) {
    double[][] a = new double[h.length][];
    for (int i = 0; i < h.length; i++) {
      a[i] = h[i].clone();
      a[i][i] += tau;
    }
    return a;
  }

  /** Positive definite by Sylvester's criterion on the leading minors (small n only). */
  static boolean positiveDefinite(double[][] a) {
    for (int k = 1; k <= a.length; k++) {
      double[][] minor = new double[k][k];
      for (int i = 0; i < k; i++) {
        System.arraycopy(a[i], 0, minor[i], 0, k);
      }
      if (!(determinant(minor) > 0)) {
        return false;
      }
    }
    return true;
  }

  static double determinant(double[][] m) {
    int n = m.length;
    if (n == 1) {
      return m[0][0];
    }
    double sum = 0;
    for (int c = 0; c < n; c++) {
      double[][] sub = new double[n - 1][n - 1];
      for (int i = 1; i < n; i++) {
        for (int j = 0, jj = 0; j < n; j++) {
          if (j != c) {
            sub[i - 1][jj++] = m[i][j];
          }
        }
      }
      sum += (c % 2 == 0 ? 1 : -1) * m[0][c] * determinant(sub);
    }
    return sum;
  }

  /** A⁻¹b by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    double[] b = b0.clone();
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int i = col + 1; i < n; i++) {
        if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) {
          pivot = i;
        }
      }
      double[] row = a[col];
      a[col] = a[pivot];
      a[pivot] = row;
      double t = b[col];
      b[col] = b[pivot];
      b[pivot] = t;
      for (int i = col + 1; i < n; i++) {
        double factor = a[i][col] / a[col][col];
        for (int j = col; j < n; j++) {
          a[i][j] -= factor * a[col][j];
        }
        b[i] -= factor * b[col];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = b[i];
      for (int j = i + 1; j < n; j++) {
        sum -= a[i][j] * x[j];
      }
      x[i] = sum / a[i][i];
    }
    return x;
  }

  static double[] times(double[][] a, double[] v) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = dot(a[i], v);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static double[] scale(double s, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = s * v[i];
    }
    return out;
  }

  static double[] plus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }

  static void assertPathsEqual(List<double[]> reference, List<double[]> path) {
    assertEquals(reference.size(), path.size());
    for (int k = 0; k < path.size(); k++) {
      double[] want = reference.get(k);
      double[] got = path.get(k);
      for (int i = 0; i < want.length; i++) {
        assertEquals(
            want[i],
            got[i],
            1e-9 * Math.max(1, Math.abs(want[i])),
            "step " + (k + 1) + ", coordinate " + i);
      }
    }
  }
}
