package dev.gradus.optimizers;

import static dev.gradus.optimizers.MatrixReference.combine;
import static dev.gradus.optimizers.MatrixReference.identity;
import static dev.gradus.optimizers.MatrixReference.inverseFourthRoot;
import static dev.gradus.optimizers.MatrixReference.multiply;
import static dev.gradus.optimizers.MatrixReference.newtonSchulz;
import static dev.gradus.optimizers.MatrixReference.store;
import static dev.gradus.optimizers.MatrixReference.transpose;
import static dev.gradus.optimizers.MatrixReference.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * muon and shampoo against the plain references of {@link MatrixReference} and against hand-worked
 * and closed-form cases.
 */
class MatrixMethodsTest {
  static final double A = 3.4445;
  static final double B = -4.7750;
  static final double C = 2.0315;

  static BlockAware make(String id, Map<String, Object> values) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    return (BlockAware) provider.create(HyperParameters.resolve(provider, values));
  }

  /** One step from θ = 0 with gradient g on the given blocks; returns θ. */
  static double[] oneStep(
      BlockAware optimizer, List<ParameterBlock> blocks, double[] g, double lr) {
    double[] x = new double[g.length];
    OptimizerState state = optimizer.init(g.length, blocks);
    optimizer.step(x, 0, g.clone(), lr, state, (p, q) -> 0);
    return x;
  }

  static double quintic(double x) {
    return A * x + B * x * x * x + C * x * x * x * x * x;
  }

  static void assertClose(double expected, double actual, double relative, String what) {
    assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
  }

  // ---- muon ----

  /** Muon with μ = 0, lr 1, no decay: θ after one step from 0 is −s·NS(G). */
  static final Map<String, Object> PLAIN_NS =
      Map.of("momentum", 0.0, "weight_decay", 0.0, "eps", 0.0);

  /**
   * For G = diag(s₁, …) (any shape), XXᵀ is diagonal, so each Newton–Schulz step maps each
   * normalised singular value σ = sᵢ/‖G‖_F by the scalar quintic p(σ) = aσ + bσ³ + cσ⁵, and the
   * off-diagonal entries stay 0.
   */
  @ParameterizedTest(name = "{0} rows")
  @ValueSource(ints = {3, 2, 5})
  void newtonSchulzOfADiagonalMatrixActsOnEachSingularValueByTheQuintic(int rows) {
    int columns = 3;
    double[] diagonal = {2.0, -0.5, 0.25};
    double[] g = new double[rows * columns];
    double norm = 0;
    for (int i = 0; i < Math.min(rows, columns); i++) {
      g[i * columns + i] = diagonal[i];
      norm += diagonal[i] * diagonal[i];
    }
    norm = Math.sqrt(norm);
    List<ParameterBlock> blocks = List.of(ParameterBlock.matrix("W", 0, rows, columns));
    double[] x = oneStep(make("muon", PLAIN_NS), blocks, g, 1);
    double scale = Math.sqrt(Math.max(1, rows / (double) columns));
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        double expected = 0;
        if (i == j && i < Math.min(rows, columns)) {
          double sigma = Math.abs(diagonal[i]) / norm;
          for (int s = 0; s < 5; s++) {
            sigma = quintic(sigma);
          }
          expected = -scale * Math.signum(diagonal[i]) * sigma;
        }
        assertClose(expected, x[i * columns + j], 1e-13, "(" + i + ", " + j + ")");
      }
    }
  }

  /**
   * Hand-worked: a 1 × 1 block, g = 2, μ = 0.95, Nesterov, ε = 0, lr 0.1. B = 0.05·2 = 0.1; U =
   * 0.05·2 + 0.95·0.1 = 0.195; X = U/|U| = 1. The quintic from 1: p(1) = a + b + c = 0.701, then
   * 1.11362…, 0.72071…, 1.08997…, 0.69644 (0.6964364094697522). θ = −0.1·0.69644… = −0.069644.
   */
  @Test
  void handWorkedOneByOneStep() {
    List<ParameterBlock> blocks = List.of(ParameterBlock.matrix("W", 0, 1, 1));
    double[] x =
        oneStep(
            make("muon", Map.of("eps", 0.0, "weight_decay", 0.0)), blocks, new double[] {2}, 0.1);
    assertEquals(-0.06964364094697522, x[0], 1e-15);
    assertEquals(0.701, quintic(1), 1e-15);
  }

  /** A zero update with ε = 0 has no direction: the block is only decayed, θ(1 − γλ), not NaN. */
  @Test
  void aZeroUpdateOnlyDecays() {
    BlockAware muon = make("muon", Map.of("eps", 0.0, "weight_decay", 0.5));
    List<ParameterBlock> blocks = List.of(ParameterBlock.matrix("W", 0, 2, 2));
    double[] x = {1, -2, 3, 4};
    muon.step(x, 0, new double[4], 0.1, muon.init(4, blocks), (p, q) -> 0);
    assertEquals(0.95, x[0], 1e-15);
    assertEquals(-1.9, x[1], 1e-15);
    assertEquals(3.8, x[3], 1e-15);
  }

  /** The singular values of NS(G) for a generic G lie in the quintic's band ≈ [0.68, 1.14]. */
  @Test
  void newtonSchulzOutputIsNearlyOrthogonal() {
    Random random = new Random(11);
    int rows = 8;
    int columns = 5;
    double[] g = new double[rows * columns];
    for (int i = 0; i < g.length; i++) {
      g[i] = random.nextGaussian();
    }
    List<ParameterBlock> blocks = List.of(ParameterBlock.matrix("W", 0, rows, columns));
    double[] x = oneStep(make("muon", PLAIN_NS), blocks, g, 1);
    double scale = Math.sqrt(rows / (double) columns);
    double[][] o = combine(-1 / scale, view(x, 0, rows, columns), 0, view(x, 0, rows, columns));
    double[][] gram = multiply(transpose(o), o); // eigenvalues σᵢ²
    // the band from iterating the scalar quintic over σ ∈ [0.01, 1]: [0.6818, 1.1344]
    assertTrue(positiveDefinite(combine(1, gram, -1, identity(columns, 0.68 * 0.68))), "σ ≥ 0.68");
    assertTrue(positiveDefinite(combine(-1, gram, 1, identity(columns, 1.14 * 1.14))), "σ ≤ 1.14");
    assertFalse(
        positiveDefinite(combine(1, gram, -1, identity(columns, 0.99 * 0.99)))
            && positiveDefinite(combine(-1, gram, 1, identity(columns, 1.01 * 1.01))),
        "five quintic steps do not converge to exactly orthogonal");
    // and the reference's NS agrees
    double[][] expected = newtonSchulz(view(g, 0, rows, columns), A, B, C, 5, 0);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        assertClose(expected[i][j], o[i][j], 1e-12, "(" + i + ", " + j + ")");
      }
    }
  }

  /** Cholesky succeeds exactly when a symmetric matrix is positive definite. */
  static boolean positiveDefinite(double[][] m) {
    int n = m.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (sum <= 0) {
            return false;
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return true;
  }

  static final List<ParameterBlock> MUON_BLOCKS =
      List.of(
          ParameterBlock.matrix("W", 0, 4, 3),
          ParameterBlock.vector("b", 12, 3),
          ParameterBlock.matrix("V", 15, 2, 5),
          ParameterBlock.vector("s", 25, 1));

  /** g = c ⊙ (x − t), with per-coordinate curvatures and targets. */
  static double[] gradient(double[] x) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      g[i] = (1 + (i % 5) * 0.3) * (x[i] - Math.sin(i + 1));
    }
    return g;
  }

  static double[] start(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 0.5 * Math.cos(i);
    }
    return x;
  }

  /** A decaying lr, as a schedule passes it: the fallback's lr must follow by the same factor. */
  static double lrAt(double lr, int k) {
    return lr * (1 - k / 30.0);
  }

  @ParameterizedTest(name = "nesterov={0}")
  @ValueSource(booleans = {true, false})
  void muonFollowsTheReferenceOnMatricesAndAdamWOnTheRest(boolean nesterov) {
    for (String adjust : List.of("original", "match_rms_adamw")) {
      Map<String, Object> values = new HashMap<>();
      values.put("lr", 0.05);
      values.put("weight_decay", 0.1);
      values.put("nesterov", nesterov);
      values.put("adjust_lr_fn", adjust);
      values.put("fallback_lr", 0.01);
      values.put("fallback_weight_decay", 0.02);
      BlockAware muon = make("muon", values);
      int n = 26;
      double[] x = start(n);
      OptimizerState state = muon.init(n, MUON_BLOCKS);
      double[] y = start(n);
      double mu = 0.95;
      double[] buffer = new double[n];
      double[] m = new double[n];
      double[] v = new double[n];
      for (int k = 0; k < 15; k++) {
        double lr = lrAt(0.05, k);
        muon.step(x, 0, gradient(x), lr, state, (p, q) -> 0);
        // reference
        double[] g = gradient(y);
        for (int[] mat : new int[][] {{0, 4, 3}, {15, 2, 5}}) {
          double[][] gm = view(g, mat[0], mat[1], mat[2]);
          double[][] bm = combine(mu, view(buffer, mat[0], mat[1], mat[2]), 1 - mu, gm);
          store(bm, buffer, mat[0]);
          double[][] u = nesterov ? combine(1 - mu, gm, mu, bm) : bm;
          double[][] o = newtonSchulz(u, A, B, C, 5, 1e-7);
          double s =
              adjust.equals("original")
                  ? Math.sqrt(Math.max(1, mat[1] / (double) mat[2]))
                  : 0.2 * Math.sqrt(Math.max(mat[1], mat[2]));
          double[][] w = view(y, mat[0], mat[1], mat[2]);
          store(combine(1 - lr * 0.1, w, -lr * s, o), y, mat[0]);
        }
        double flr = 0.01 * lr / 0.05;
        int t = k + 1;
        for (int[] vec : new int[][] {{12, 15}, {25, 26}}) {
          for (int i = vec[0]; i < vec[1]; i++) {
            y[i] *= 1 - flr * 0.02;
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            v[i] = 0.95 * v[i] + 0.05 * g[i] * g[i];
            double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.95, t)) + 1e-10;
            y[i] -= flr / (1 - Math.pow(0.9, t)) * m[i] / denominator;
          }
        }
        for (int i = 0; i < n; i++) {
          assertClose(y[i], x[i], 1e-12, adjust + " step " + t + " coordinate " + i);
        }
      }
      assertTrue(Math.abs(x[0] - start(n)[0]) > 1e-3, "it moved");
    }
  }

  /** Without matrix blocks muon is AdamW with the fallback hyperparameters. */
  @Test
  void withoutMatricesMuonIsTheFallbackAdamW() {
    Optimizer muon =
        make(
            "muon",
            Map.of(
                "fallback_lr",
                0.02,
                "fallback_betas",
                List.of(0.8, 0.99),
                "fallback_eps",
                1e-8,
                "fallback_weight_decay",
                0.05));
    OptimizerProvider adamw = StateRestoreTest.REGISTRY.require("adamw");
    Optimizer reference =
        adamw.create(
            HyperParameters.resolve(
                adamw,
                Map.of(
                    "lr", 0.02, "betas", List.of(0.8, 0.99), "eps", 1e-8, "weight_decay", 0.05)));
    double[] x = start(7);
    double[] y = start(7);
    OptimizerState a = muon.init(7);
    OptimizerState b = reference.init(7);
    for (int k = 0; k < 20; k++) {
      muon.step(x, 0, gradient(x), muon.learningRate(), a, (p, q) -> 0);
      reference.step(y, 0, gradient(y), 0.02, b, (p, q) -> 0);
    }
    for (int i = 0; i < 7; i++) {
      assertClose(y[i], x[i], 1e-13, "coordinate " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"muon", "shampoo"})
  void aScheduledMomentumStepsAsThatMomentumConfigured(String id) {
    MomentumAware scheduled = (MomentumAware) make(id, Map.of("momentum", 0.9));
    BlockAware configured = make(id, Map.of("momentum", 0.4));
    assertEquals(0.9, scheduled.momentum());
    int n = 26;
    double[] x = start(n);
    double[] y = start(n);
    OptimizerState a = ((BlockAware) scheduled).init(n, MUON_BLOCKS);
    OptimizerState b = configured.init(n, MUON_BLOCKS);
    for (int k = 0; k < 6; k++) {
      scheduled.step(x, 0, gradient(x), 0.01, 0.4, a, (p, q) -> 0);
      configured.step(y, 0, gradient(y), 0.01, b, (p, q) -> 0);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(Double.doubleToLongBits(y[i]), Double.doubleToLongBits(x[i]), "" + i);
    }
  }

  // ---- shampoo ----

  /**
   * Hand-worked: a 1 × 1 matrix block and a scalar vector block, ε = 7, g = 3, lr 1. Step 1: L = R
   * = 7 + 9 = 16, L^{−1/4} = R^{−1/4} = 1/2, D = ½·3·½ = 0.75; the vector case H = 16, D = 3/√16 =
   * 0.75 too. Step 2 (g = 3 again): L = 25, D = 3/√25 = 0.6. So θ = −0.75, then −1.35.
   */
  @Test
  void shampooHandWorkedOneByOneAndScalar() {
    BlockAware shampoo = make("shampoo", Map.of("eps", 7.0));
    List<ParameterBlock> blocks =
        List.of(ParameterBlock.matrix("W", 0, 1, 1), ParameterBlock.vector("s", 1, 1));
    double[] x = new double[2];
    OptimizerState state = shampoo.init(2, blocks);
    shampoo.step(x, 0, new double[] {3, 3}, 1, state, (p, q) -> 0);
    assertEquals(-0.75, x[0], 1e-15);
    assertEquals(-0.75, x[1], 1e-15);
    shampoo.step(x, 0, new double[] {3, 3}, 1, state, (p, q) -> 0);
    assertEquals(-1.35, x[0], 1e-15);
    assertEquals(-1.35, x[1], 1e-15);
  }

  /**
   * A diagonal gradient d on a square block, the same each step: L = R = diag(ε + t·dᵢ²) after t
   * steps, so D = diag(dᵢ / √(ε + t·dᵢ²)) and θ's diagonal is −lr Σₜ dᵢ/√(ε + t·dᵢ²), off-diagonal
   * 0.
   */
  @Test
  void shampooOnADiagonalGradientIsAClosedForm() {
    double eps = 0.3;
    BlockAware shampoo = make("shampoo", Map.of("eps", eps));
    double[] d = {1.5, -0.2, 0.7};
    double[] g = new double[9];
    for (int i = 0; i < 3; i++) {
      g[i * 3 + i] = d[i];
    }
    double[] x = new double[9];
    OptimizerState state = shampoo.init(9, List.of(ParameterBlock.matrix("W", 0, 3, 3)));
    double[] expected = new double[3];
    for (int t = 1; t <= 8; t++) {
      shampoo.step(x, 0, g.clone(), 0.1, state, (p, q) -> 0);
      for (int i = 0; i < 3; i++) {
        expected[i] -= 0.1 * d[i] / Math.sqrt(eps + t * d[i] * d[i]);
      }
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertClose(i == j ? expected[i] : 0, x[i * 3 + j], 1e-13, "(" + i + ", " + j + ")");
      }
    }
  }

  static final List<ParameterBlock> SHAMPOO_BLOCKS =
      List.of(
          ParameterBlock.matrix("W", 0, 3, 4),
          ParameterBlock.vector("b", 12, 2),
          ParameterBlock.matrix("V", 14, 5, 2));

  @ParameterizedTest(name = "update_interval={0}")
  @ValueSource(ints = {1, 3})
  void shampooFollowsTheReference(int interval) {
    double eps = 0.1;
    double mu = 0.3;
    double lambda = 0.01;
    BlockAware shampoo =
        make(
            "shampoo",
            Map.of(
                "eps", eps, "update_interval", interval, "momentum", mu, "weight_decay", lambda));
    int n = 24;
    double[] x = start(n);
    double[] y = start(n);
    OptimizerState state = shampoo.init(n, SHAMPOO_BLOCKS);
    int[][] matrices = {{0, 3, 4}, {14, 5, 2}};
    double[][][] left = {identity(3, eps), identity(5, eps)};
    double[][][] right = {identity(4, eps), identity(2, eps)};
    double[][][] leftRoot = new double[2][][];
    double[][][] rightRoot = new double[2][][];
    double[] buffer = new double[n];
    double[] h = new double[n];
    java.util.Arrays.fill(h, eps);
    for (int t = 1; t <= 10; t++) {
      shampoo.step(x, 0, gradient(x), 0.05, state, (p, q) -> 0);
      double[] g = gradient(y);
      for (int i = 0; i < n; i++) {
        g[i] += lambda * y[i];
      }
      for (int k = 0; k < 2; k++) {
        int[] mat = matrices[k];
        double[][] gm = view(g, mat[0], mat[1], mat[2]);
        left[k] = combine(1, left[k], 1, multiply(gm, transpose(gm)));
        right[k] = combine(1, right[k], 1, multiply(transpose(gm), gm));
        if ((t - 1) % interval == 0) {
          leftRoot[k] = inverseFourthRoot(left[k]);
          rightRoot[k] = inverseFourthRoot(right[k]);
        }
        double[][] direction = multiply(multiply(leftRoot[k], gm), rightRoot[k]);
        double[][] b = combine(mu, view(buffer, mat[0], mat[1], mat[2]), 1, direction);
        store(b, buffer, mat[0]);
        store(combine(1, view(y, mat[0], mat[1], mat[2]), -0.05, b), y, mat[0]);
      }
      for (int i = 12; i < 14; i++) {
        h[i] += g[i] * g[i];
        buffer[i] = mu * buffer[i] + g[i] / Math.sqrt(h[i]);
        y[i] -= 0.05 * buffer[i];
      }
      for (int i = 0; i < n; i++) {
        assertClose(y[i], x[i], 1e-11, "step " + t + " coordinate " + i);
      }
    }
    assertTrue(Math.abs(x[0] - start(n)[0]) > 1e-3, "it moved");
  }

  /** The reference's inverse fourth root is right on a matrix with a known one. */
  @Test
  void referenceInverseFourthRootOfAKnownMatrix() {
    // Q diag(16, 1) Qᵀ with Q a rotation: its inverse fourth root is Q diag(1/2, 1) Qᵀ
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    double[][] q = {{c, -s}, {s, c}};
    double[][] a = multiply(multiply(q, new double[][] {{16, 0}, {0, 1}}), transpose(q));
    double[][] expected = multiply(multiply(q, new double[][] {{0.5, 0}, {0, 1}}), transpose(q));
    double[][] root = inverseFourthRoot(a);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(expected[i][j], root[i][j], 1e-14);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"muon", "shampoo"})
  void restoredRunOnBlocksIsBitIdentical(String id) {
    Map<String, Object> values =
        id.equals("muon") ? Map.of("lr", 0.02) : Map.of("update_interval", 4L, "momentum", 0.5);
    BlockAware optimizer = make(id, values);
    int n = 26;
    double[] straight = start(n);
    OptimizerState whole = optimizer.init(n, MUON_BLOCKS);
    double[] resumed = start(n);
    OptimizerState first = optimizer.init(n, MUON_BLOCKS);
    for (int k = 0; k < 7; k++) {
      optimizer.step(straight, 0, gradient(straight), 0.02, whole, (p, q) -> 0);
      optimizer.step(resumed, 0, gradient(resumed), 0.02, first, (p, q) -> 0);
    }
    BlockAware fresh = make(id, values);
    OptimizerState second = fresh.restore(first.snapshot(), n, MUON_BLOCKS);
    for (int k = 0; k < 9; k++) {
      optimizer.step(straight, 0, gradient(straight), 0.02, whole, (p, q) -> 0);
      fresh.step(resumed, 0, gradient(resumed), 0.02, second, (p, q) -> 0);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(
          Double.doubleToLongBits(straight[i]), Double.doubleToLongBits(resumed[i]), "" + i);
    }
  }
}
