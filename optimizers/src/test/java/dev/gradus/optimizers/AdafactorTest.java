package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * adafactor is torch 2.5's torch.optim.Adafactor, which torch 1.13 lacks: it is checked against an
 * independent reference written from the torch 2.5 documentation's pseudo-code (plain nested loops
 * over matrices, no code shared with the implementation) and against a hand-worked step.
 */
class AdafactorTest {
  static Optimizer adafactor(Map<String, Object> params) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require("adafactor");
    return provider.create(HyperParameters.resolve(provider, params));
  }

  /**
   * One step on the single block W [2, 2] = [[1, 1], [1, 1]] with G = [[1, 2], [2, 4]] and the
   * defaults (lr = 0.01, d = 1), worked by hand:
   *
   * <pre>
   * t = 1: w = 1^−0.8 = 1 (R and C are replaced);  ρ = min(0.01, 1/√1) = 0.01
   * RMS(θ) = 1, so α = max(1e−3, 1)·0.01 = 0.01
   * row means of G²: (1 + 4)/2 = 2.5, (4 + 16)/2 = 10   → R = [2.5, 10]
   * column means:    (1 + 4)/2 = 2.5, (4 + 16)/2 = 10   → C = [2.5, 10]
   * mean R = 6.25;  V̂ = R Cᵀ / 6.25 = [[1, 4], [4, 16]]  (G² is rank one, so V̂ = G² exactly)
   * U = G / √V̂ = [[1, 1], [1, 1]];  RMS(U) = 1;  clipping: max(1, 1/1) = 1
   * θ ← 1 − 0.01·1/1 = 0.99 in every entry
   * </pre>
   */
  @Test
  void handWorkedStepOnATwoByTwoBlock() {
    Optimizer optimizer = adafactor(Map.of());
    List<ParameterBlock> blocks = List.of(ParameterBlock.matrix("W", 0, 2, 2));
    OptimizerState state = BlockAware.init(optimizer, 4, blocks);
    double[] theta = {1, 1, 1, 1};
    double[] g = {1, 2, 2, 4};
    optimizer.step(theta, 0, g, 0.01, state, null);
    assertArrayEquals(new double[] {0.99, 0.99, 0.99, 0.99}, theta, 1e-15);
    StateSnapshot snapshot = state.snapshot();
    assertArrayEquals(new double[] {2.5, 10}, snapshot.array("W.row_var"), 1e-15);
    assertArrayEquals(new double[] {2.5, 10}, snapshot.array("W.col_var"), 1e-15);
  }

  @Test
  void matrixBlocksKeepRowAndColumnStatisticsAndVectorsAFullOne() {
    Optimizer optimizer = adafactor(Map.of());
    List<ParameterBlock> blocks =
        List.of(ParameterBlock.matrix("W1", 0, 64, 32), ParameterBlock.vector("b1", 2048, 32));
    StateSnapshot snapshot = BlockAware.init(optimizer, 2080, blocks).snapshot();
    assertEquals(64, snapshot.array("W1.row_var").length);
    assertEquals(32, snapshot.array("W1.col_var").length);
    assertEquals(32, snapshot.array("b1.variance").length);
    assertEquals(3, snapshot.arrays().size());
    // Without blocks the flat vector is one unfactored block, as torch treats a 1-D tensor.
    assertEquals(
        List.of("params.variance"), List.copyOf(optimizer.init(5).snapshot().arrays().keySet()));
  }

  @Test
  void defaultEps1IsFloat64MachineEpsilon() {
    Map<String, Object> defaults = new HashMap<>();
    StateRestoreTest.REGISTRY
        .require("adafactor")
        .hyperParameters()
        .forEach(p -> defaults.put(p.name(), p.defaultValue()));
    assertEquals(List.of(Math.pow(2, -52), 1e-3), defaults.get("eps"));
    assertEquals(1e-2, defaults.get("lr"));
    assertEquals(-0.8, defaults.get("beta2_decay"));
    assertEquals(1.0, defaults.get("d"));
    assertEquals(0.0, defaults.get("weight_decay"));
    assertEquals(false, defaults.get("maximize"));
  }

  /** A coupled quadratic over 22 coordinates whose gradients are not rank one in any block. */
  static final Evaluator COUPLED =
      (x, g) -> {
        double f = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
          double c = 1 + (i * 7 % 5);
          double r = x[i] - 0.3 * (i % 4) + 0.5;
          double next = x[(i + 1) % n];
          f += 0.5 * c * r * r + 0.1 * x[i] * next;
        }
        for (int i = 0; i < n; i++) {
          double c = 1 + (i * 7 % 5);
          double r = x[i] - 0.3 * (i % 4) + 0.5;
          g[i] = c * r + 0.1 * x[(i + 1) % n] + 0.1 * x[(i - 1 + n) % n];
        }
        return f;
      };

  /** W [3, 4], a batched T [2, 2, 2], b [5], s [1]: 22 coordinates. */
  static final List<ParameterBlock> BLOCKS =
      List.of(
          ParameterBlock.matrix("W", 0, 3, 4),
          new ParameterBlock("T", 12, new int[] {2, 2, 2}),
          ParameterBlock.vector("b", 20, 1),
          ParameterBlock.vector("s", 21, 1));

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of(Map.of()),
        Arguments.of(Map.of("lr", 0.2, "d", 2.0, "weight_decay", 0.1)),
        Arguments.of(Map.of("lr", 0.05, "beta2_decay", -0.5, "eps", List.of(1e-3, 1e-2))),
        Arguments.of(Map.of("lr", 0.1, "maximize", true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void matchesTheIndependentReference(Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    Optimizer optimizer = adafactor(all);
    double lr = optimizer.learningRate();
    double[] eps =
        HyperParameters.resolve(StateRestoreTest.REGISTRY.require("adafactor"), all).reals("eps");
    double tau = (double) all.getOrDefault("beta2_decay", -0.8);
    double d = (double) all.getOrDefault("d", 1.0);
    double lambda = (double) all.getOrDefault("weight_decay", 0.0);
    boolean maximize = (boolean) all.getOrDefault("maximize", false);
    double[] start = new double[22];
    for (int i = 0; i < start.length; i++) {
      start[i] = Math.sin(1.7 * i + 0.4);
    }
    // Past ~30 steps these runs oscillate around the minimum with a step that does not shrink
    // (ρ = lr), and rounding differences between the two codes (p(1 − γλ) against p − γλp, for
    // instance) grow to ~1e−12 there; 25 steps compare the algorithm, not its rounding.
    int steps = 25;
    for (List<ParameterBlock> blocks : List.of(BLOCKS, ParameterBlock.whole(22))) {
      double[][] want =
          reference(COUPLED, start, steps, blocks, lr, tau, eps[0], eps[1], d, lambda, maximize);
      double[] x = start.clone();
      double[] g = new double[22];
      OptimizerState state = BlockAware.init(optimizer, 22, blocks);
      for (int k = 0; k < steps; k++) {
        double value = COUPLED.evaluate(x, g);
        optimizer.step(x, value, g, lr, state, COUPLED);
        for (int i = 0; i < 22; i++) {
          if (!(Math.abs(x[i] - want[k][i]) <= 1e-12 * Math.max(1, Math.abs(want[k][i])))) {
            fail("step " + (k + 1) + ", x[" + i + "]: got " + x[i] + ", reference " + want[k][i]);
          }
        }
      }
      assertTrue(COUPLED.evaluate(x, g) != COUPLED.evaluate(start.clone(), g), "it moved");
    }
  }

  /**
   * The torch 2.5 documentation's Adafactor, per block, with fresh matrices each step: for a tensor
   * of dim ≥ 2 (here blocks with two or more dimensions, batched over the leading ones) R and C
   * from row and column means of G², V̂ = R·C / max(mean R, ε₁); else V from G².
   */
  static double[][] reference(
      Evaluator f,
      double[] start,
      int steps,
      List<ParameterBlock> blocks,
      double lr,
      double tau,
      double eps1,
      double eps2,
      double d,
      double lambda,
      boolean maximize) {
    double[] theta = start.clone();
    int nb = blocks.size();
    double[][][] rowVars = new double[nb][][];
    double[][][] colVars = new double[nb][][];
    double[][] vectorVars = new double[nb][];
    for (int b = 0; b < nb; b++) {
      int[] shape = blocks.get(b).shape();
      if (shape.length >= 2) {
        int rows = shape[shape.length - 2];
        int cols = shape[shape.length - 1];
        int batches = blocks.get(b).size() / (rows * cols);
        rowVars[b] = new double[batches][rows];
        colVars[b] = new double[batches][cols];
      } else {
        vectorVars[b] = new double[blocks.get(b).size()];
      }
    }
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] grad = Reference.gradient(f, theta);
      double oneMinusBeta2 = Math.pow(t, tau);
      double rho = Math.min(lr, 1 / Math.sqrt(t));
      for (int b = 0; b < nb; b++) {
        ParameterBlock block = blocks.get(b);
        int off = block.offset();
        int size = block.size();
        double[] p = new double[size];
        double[] gr = new double[size];
        for (int k = 0; k < size; k++) {
          p[k] = theta[off + k];
          gr[k] = maximize ? -grad[off + k] : grad[off + k];
        }
        double norm = 0;
        for (double v : p) {
          norm += v * v;
        }
        double alpha = Math.max(eps2, Math.sqrt(norm) / Math.sqrt(size)) * rho;
        for (int k = 0; k < size; k++) {
          p[k] = p[k] - lr * lambda * p[k];
        }
        double[] vHat = new double[size];
        if (vectorVars[b] != null) {
          for (int k = 0; k < size; k++) {
            vectorVars[b][k] =
                (1 - oneMinusBeta2) * vectorVars[b][k] + oneMinusBeta2 * gr[k] * gr[k];
            vHat[k] = vectorVars[b][k];
          }
        } else {
          int[] shape = block.shape();
          int rows = shape[shape.length - 2];
          int cols = shape[shape.length - 1];
          for (int q = 0; q < rowVars[b].length; q++) {
            double[][] g2 = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
              for (int j = 0; j < cols; j++) {
                double v = gr[q * rows * cols + i * cols + j];
                g2[i][j] = v * v;
              }
            }
            double[] r = rowVars[b][q];
            double[] c = colVars[b][q];
            for (int i = 0; i < rows; i++) {
              double mean = 0;
              for (int j = 0; j < cols; j++) {
                mean += g2[i][j];
              }
              r[i] = (1 - oneMinusBeta2) * r[i] + oneMinusBeta2 * (mean / cols);
            }
            for (int j = 0; j < cols; j++) {
              double mean = 0;
              for (int i = 0; i < rows; i++) {
                mean += g2[i][j];
              }
              c[j] = (1 - oneMinusBeta2) * c[j] + oneMinusBeta2 * (mean / rows);
            }
            double rMean = 0;
            for (double v : r) {
              rMean += v / rows;
            }
            for (int i = 0; i < rows; i++) {
              for (int j = 0; j < cols; j++) {
                vHat[q * rows * cols + i * cols + j] = r[i] * c[j] / Math.max(rMean, eps1);
              }
            }
          }
        }
        double[] u = new double[size];
        double uNorm = 0;
        for (int k = 0; k < size; k++) {
          u[k] = gr[k] / Math.max(Math.sqrt(vHat[k]), eps1);
          uNorm += u[k] * u[k];
        }
        double clip = Math.max(1, Math.sqrt(uNorm / size) / d);
        for (int k = 0; k < size; k++) {
          theta[off + k] = p[k] - alpha * u[k] / clip;
        }
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }
}
