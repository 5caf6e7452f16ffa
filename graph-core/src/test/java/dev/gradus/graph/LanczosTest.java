package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Lanczos} against eigenvalues found independently: closed forms (Toeplitz tridiagonals, 2×2
 * Hessians) and the cyclic Jacobi method written out below.
 */
class LanczosTest {
  /** T = tridiag(1, 2, 1) of size k: λ_j = 2 + 2cos(jπ/(k+1)), v_j(i) = sin(ijπ/(k+1)). */
  @Test
  void tridiagonalEigenFactsMatchTheToeplitzClosedForm() {
    for (int k : new int[] {1, 2, 3, 7, 40}) {
      double[] alpha = new double[k];
      double[] beta = new double[k];
      java.util.Arrays.fill(alpha, 2);
      java.util.Arrays.fill(beta, 1);
      Lanczos.Tridiagonal t = new Lanczos.Tridiagonal(k);
      double top = 2 + 2 * Math.cos(Math.PI / (k + 1));
      double bottom = 2 + 2 * Math.cos(k * Math.PI / (k + 1));
      assertEquals(top, t.largest(alpha, beta, k), 1e-14, "k = " + k);
      assertEquals(bottom, t.smallest(alpha, beta, k), 1e-14, "k = " + k);
      double last = Math.sin(k * Math.PI / (k + 1)) / Math.sqrt((k + 1) / 2.0);
      assertEquals(
          k == 1 ? 1 : last,
          Math.abs(t.lastComponent(alpha, beta, k, t.largest(alpha, beta, k), top)),
          1e-12,
          "k = " + k);
    }
  }

  /** Random tridiagonals, some with tiny couplings: eigenvalues and eigenvectors as Jacobi's. */
  @Test
  void tridiagonalEigenFactsMatchJacobiOnRandomMatrices() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int k = 2 + random.nextInt(30);
      double[] alpha = new double[k];
      double[] beta = new double[k];
      double[][] dense = new double[k][k];
      for (int i = 0; i < k; i++) {
        alpha[i] = random.nextGaussian() * (trial % 3 == 0 ? 1e3 : 1);
        dense[i][i] = alpha[i];
        if (i < k - 1) {
          beta[i] = (0.1 + random.nextDouble()) * (trial % 5 == 0 ? 1e-3 : 1);
          dense[i][i + 1] = beta[i];
          dense[i + 1][i] = beta[i];
        }
      }
      double[][] vectors = new double[k][k];
      double[] values = jacobi(dense, vectors);
      int top = argmax(values);
      double scale = Math.max(Math.abs(values[top]), Math.abs(values[argmin(values)]));
      Lanczos.Tridiagonal t = new Lanczos.Tridiagonal(k);
      double largest = t.largest(alpha, beta, k);
      assertEquals(values[top], largest, 1e-12 * scale, "trial " + trial);
      assertEquals(values[argmin(values)], t.smallest(alpha, beta, k), 1e-12 * scale);
      double last = t.lastComponent(alpha, beta, k, largest, scale);
      // the whole vector is that eigenvector: T y = λ y to rounding
      double[] y = t.vector(k);
      double norm = Math.sqrt(dot(y, y));
      for (int i = 0; i < k; i++) {
        double ty =
            alpha[i] * y[i]
                + (i > 0 ? beta[i - 1] * y[i - 1] : 0)
                + (i < k - 1 ? beta[i] * y[i + 1] : 0);
        assertEquals(largest * y[i], ty, 1e-10 * scale * norm, "trial " + trial + ", row " + i);
      }
      assertEquals(Math.abs(vectors[k - 1][top]), Math.abs(last), 1e-8, "trial " + trial);
    }
  }

  @Test
  void findsTheMostPositiveEigenvalueNotTheLargestInMagnitude() {
    double[] d = {-10, 1, 2};
    Lanczos.Estimate e = new Lanczos(3, 20, 1e-10, 1).largestEigenvalue(diagonal(d));
    assertEquals(2, e.eigenvalue(), 1e-12);
    assertTrue(e.converged());
    assertTrue(e.products() <= 3, "at most n products on an n-dimensional space");
  }

  /** Rosenbrock's Hessian by autodiff at two points, against the 2×2 closed form. */
  @Test
  void sharpnessOfRosenbrockFromGraphProducts() {
    for (double[] at : new double[][] {{1, 1}, {-1.2, 1}}) {
      Variable x = Variable.vector("x", at.clone());
      Node a = x.slice(0, 0, 1);
      Node b = x.slice(0, 1, 2);
      Node f =
          Ops.constant(1).sub(a).square().add(Ops.constant(100).mul(b.sub(a.square()).square()));
      Graph graph = f.sum().graph();
      double h11 = 2 - 400 * at[1] + 1200 * at[0] * at[0];
      double h12 = -400 * at[0];
      double h22 = 200;
      double top = (h11 + h22) / 2 + Math.hypot((h11 - h22) / 2, h12);
      Lanczos lanczos = new Lanczos(2, 10, 1e-12, 7);
      Lanczos.Estimate e = lanczos.largestEigenvalue(graph::hessianVectorProduct);
      assertEquals(top, e.eigenvalue(), 1e-10 * top);
      assertTrue(e.converged());
      assertEquals(2, e.products());
    }
  }

  /** A random 60×60 symmetric matrix with spread eigenvalues, against Jacobi's largest. */
  @Test
  void convergesOnADenseMatrixWithinItsBound() {
    Random random = new Random(5);
    int n = 60;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        m[i][j] = m[j][i] = random.nextGaussian();
      }
      m[i][i] += i * 0.5; // a spread top end, so that the top eigenvalue separates
    }
    double[] values = jacobi(copy(m), new double[n][n]);
    double top = values[argmax(values)];
    Lanczos.Estimate e = new Lanczos(n, 60, 1e-6, 3).largestEigenvalue(dense(m));
    assertTrue(e.converged());
    assertTrue(e.products() < n, "converged in " + e.products() + " products");
    assertTrue(e.residualBound() <= 1e-6 * Math.abs(e.eigenvalue()) * 1.0001);
    assertTrue(e.eigenvalue() <= top + 1e-9, "a Ritz value is below λ_max");
    // an eigenvalue lies within the bound of θ: here the top one
    assertTrue(top - e.eigenvalue() <= e.residualBound() + 1e-9, top + " vs " + e);
  }

  @Test
  void stopsAtTheIterationLimitUnconvergedWithALowerBound() {
    double[] d = new double[100];
    for (int i = 0; i < d.length; i++) {
      d[i] = i + 1;
    }
    Lanczos.Estimate e = new Lanczos(100, 4, 1e-12, 1).largestEigenvalue(diagonal(d));
    assertFalse(e.converged());
    assertEquals(4, e.products());
    assertTrue(e.eigenvalue() < 100 && e.eigenvalue() > 50, "θ = " + e.eigenvalue());
    double nearest = Double.POSITIVE_INFINITY;
    for (double v : d) {
      nearest = Math.min(nearest, Math.abs(v - e.eigenvalue()));
    }
    assertTrue(nearest <= e.residualBound(), "an eigenvalue within the bound");
  }

  @Test
  void aZeroOperatorHasSharpnessZeroAfterOneProduct() {
    Lanczos.Estimate e =
        new Lanczos(5, 10, 1e-3, 1).largestEigenvalue((v, out) -> java.util.Arrays.fill(out, 0));
    assertEquals(0, e.eigenvalue());
    assertTrue(e.converged());
    assertEquals(1, e.products());
  }

  @Test
  void aMultipleOfTheIdentityIsExactAfterOneProduct() {
    Lanczos.Estimate e =
        new Lanczos(50, 10, 1e-3, 1)
            .largestEigenvalue(
                (v, out) -> {
                  for (int i = 0; i < v.length; i++) {
                    out[i] = 2 * v[i];
                  }
                });
    assertEquals(2, e.eigenvalue(), 1e-15);
    assertEquals(1, e.products());
  }

  @Test
  void aNonFiniteProductGivesNaNUnconverged() {
    Lanczos.Estimate e =
        new Lanczos(3, 10, 1e-3, 1)
            .largestEigenvalue((v, out) -> java.util.Arrays.fill(out, Double.NaN));
    assertTrue(Double.isNaN(e.eigenvalue()));
    assertFalse(e.converged());
  }

  @Test
  void theSameOperatorGivesTheSameBitsEveryCall() {
    Random random = new Random(9);
    double[][] m = new double[20][20];
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j <= i; j++) {
        m[i][j] = m[j][i] = random.nextGaussian();
      }
    }
    Lanczos lanczos = new Lanczos(20, 8, 1e-9, 42);
    Lanczos.Estimate first = lanczos.largestEigenvalue(dense(m));
    Lanczos.Estimate again = new Lanczos(20, 8, 1e-9, 42).largestEigenvalue(dense(m));
    assertEquals(first, lanczos.largestEigenvalue(dense(m)));
    assertEquals(first, again);
  }

  @Test
  void aCallAllocatesOnlyItsEstimate() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    double[] d = new double[300];
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.sin(i);
    }
    Lanczos lanczos = new Lanczos(300, 30, 1e-14, 1);
    Lanczos.SymmetricOperator op = diagonal(d);
    for (int i = 0; i < 200; i++) {
      lanczos.largestEigenvalue(op); // warm
    }
    long before = bean.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100; i++) {
      lanczos.largestEigenvalue(op);
    }
    long perCall = (bean.getCurrentThreadAllocatedBytes() - before) / 100;
    assertTrue(perCall <= 64, perCall + " bytes per call");
  }

  @Test
  void refusesArgumentsOutOfRangeNamingThem() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new Lanczos(0, 1, 0.1, 1))
            .getMessage()
            .contains("dimension"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new Lanczos(3, 0, 0.1, 1))
            .getMessage()
            .contains("maxIterations"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new Lanczos(3, 2, 0, 1))
            .getMessage()
            .contains("tolerance must be in (0, 1), got 0.0"));
    String tooLarge =
        assertThrows(IllegalArgumentException.class, () -> new Lanczos(10_000_000, 20, 0.1, 1))
            .getMessage();
    assertTrue(tooLarge.contains("allow at most 3 iterations"), tooLarge);
  }

  private static Lanczos.SymmetricOperator diagonal(double[] d) {
    return (v, out) -> {
      for (int i = 0; i < v.length; i++) {
        out[i] = d[i] * v[i];
      }
    };
  }

  private static Lanczos.SymmetricOperator dense(double[][] m) {
    return (v, out) -> {
      for (int i = 0; i < m.length; i++) {
        out[i] = dot(m[i], v);
      }
    };
  }

  /**
   * The cyclic Jacobi method (Golub &amp; Van Loan §8.5): eigenvalues of symmetric {@code a}
   * (destroyed), eigenvectors into the columns of {@code v}.
   */
  static double[] jacobi(double[][] a, double[][] v) {
    int n = a.length;
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(v[i], 0);
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off < 1e-300) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.hypot(theta, 1));
          double c = 1 / Math.hypot(t, 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    return values;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  private static int argmin(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] < v[best] ? i : best;
    }
    return best;
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
