package dev.gradus.plugins.lion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lion's iterates against the paper's pseudo-code, hand-computed steps, and its state. */
class LionTrajectoryTest {
  /** The 3-D Rosenbrock chain, Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², with its gradient by hand. */
  static final Evaluator ROSENBROCK =
      (x, g) -> {
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
          double a = x[i + 1] - x[i] * x[i];
          double b = 1 - x[i];
          f += 100 * a * a + b * b;
          g[i] += -400 * a * x[i] - 2 * b;
          g[i + 1] += 200 * a;
        }
        return f;
      };

  /**
   * Algorithm 2 of Chen et al. (2023), transcribed line by line with its own sign function, for one
   * (unscheduled) learning rate η:
   *
   * <pre>
   * g_t ← ∇f(θ_{t−1})
   * c_t ← β₁m_{t−1} + (1 − β₁)g_t
   * θ_t ← θ_{t−1} − η_t (sign(c_t) + λθ_{t−1})
   * m_t ← β₂m_{t−1} + (1 − β₂)g_t
   * </pre>
   */
  static double[][] paperTrajectory(
      Evaluator f,
      double[] theta0,
      double[] etas,
      double beta1,
      double beta2,
      double lambda,
      boolean maximize) {
    int n = theta0.length;
    double[][] out = new double[etas.length + 1][];
    double[] theta = theta0.clone();
    double[] m = new double[n];
    out[0] = theta.clone();
    for (int t = 0; t < etas.length; t++) {
      double[] grad = new double[n];
      f.evaluate(theta, grad);
      double[] next = new double[n];
      double[] nextM = new double[n];
      for (int i = 0; i < n; i++) {
        double g = maximize ? -grad[i] : grad[i];
        double c = beta1 * m[i] + (1 - beta1) * g;
        double update = sign(c) + lambda * theta[i];
        next[i] = theta[i] - etas[t] * update;
        nextM[i] = beta2 * m[i] + (1 - beta2) * g;
      }
      theta = next;
      m = nextM;
      out[t + 1] = theta.clone();
    }
    return out;
  }

  static double sign(double v) {
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  }

  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of(Map.of("lr", 1e-3), false),
        Arguments.of(Map.of("lr", 3e-3, "betas", List.of(0.95, 0.98)), false),
        Arguments.of(Map.of("lr", 1e-3, "weight_decay", 0.5), false),
        Arguments.of(Map.of("lr", 2e-3, "betas", List.of(0.0, 0.5), "weight_decay", 0.1), false),
        Arguments.of(Map.of("lr", 1e-3, "maximize", true), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void followsThePapersAlgorithmWithAScheduledLearningRate(
      Map<String, Object> values, boolean maximize) {
    LionProvider provider = new LionProvider();
    HyperParameters resolved = HyperParameters.resolve(provider, values);
    Optimizer lion = provider.create(resolved);
    double[] betas = resolved.reals("betas");
    double lambda = resolved.real("weight_decay");
    // maximizing −f is minimizing f, so both runs should walk the same valley
    Evaluator f =
        maximize
            ? (x, g) -> {
              double v = ROSENBROCK.evaluate(x, g);
              for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
              }
              return -v;
            }
            : ROSENBROCK;
    int steps = 300;
    double[] etas = new double[steps];
    for (int t = 0; t < steps; t++) {
      etas[t] = lion.learningRate() * (t < 200 ? 1 : 0.5); // a step schedule
    }
    double[] start = {-1.2, 1.0, 0.5};
    double[][] expected = paperTrajectory(f, start, etas, betas[0], betas[1], lambda, maximize);

    double[] x = start.clone();
    double[] g = new double[3];
    OptimizerState state = lion.init(3);
    for (int t = 0; t < steps; t++) {
      double value = f.evaluate(x, g);
      lion.step(x, value, g, etas[t], state, f);
      for (int i = 0; i < 3; i++) {
        assertEquals(
            expected[t + 1][i],
            x[i],
            1e-12 * Math.max(1, Math.abs(expected[t + 1][i])),
            "step " + (t + 1) + ", coordinate " + i);
      }
    }
    double[] unused = new double[3];
    assertTrue(
        ROSENBROCK.evaluate(x, unused) < ROSENBROCK.evaluate(start, unused),
        "Lion descends the valley");
  }

  /** f = ½x² from x = 1 with γ = 0.1 and β = (0.9, 0.99), worked by hand. */
  @Test
  void firstStepsMatchAHandComputation() {
    Optimizer lion = create(Map.of("lr", 0.1));
    Evaluator half = (x, g) -> (g[0] = x[0]) * x[0] / 2;
    double[] x = {1};
    double[] g = new double[1];
    OptimizerState state = lion.init(1);
    // step 1: g = 1, c = 0.1·1 = 0.1 > 0, x = 1 − 0.1 = 0.9, m = 0.01·1 = 0.01
    lion.step(x, half.evaluate(x, g), g, 0.1, state, half);
    assertEquals(0.9, x[0], 1e-15);
    assertEquals(0.01, state.snapshot().array("exp_avg")[0], 1e-15);
    // step 2: g = 0.9, c = 0.9·0.01 + 0.1·0.9 = 0.099 > 0, x = 0.8, m = 0.0099 + 0.009 = 0.0189
    lion.step(x, half.evaluate(x, g), g, 0.1, state, half);
    assertEquals(0.8, x[0], 1e-15);
    assertEquals(0.0189, state.snapshot().array("exp_avg")[0], 1e-15);
  }

  /** With λ = 0.5 the first step is θ − γ(1 + λθ) = 1 − 0.1·1.5 = 0.85. */
  @Test
  void weightDecayIsDecoupledAndScaledByTheLearningRate() {
    Optimizer lion = create(Map.of("lr", 0.1, "weight_decay", 0.5));
    double[] x = {1};
    double[] g = {1};
    lion.step(x, 0.5, g, 0.1, lion.init(1), (p, q) -> 0);
    assertEquals(0.85, x[0], 1e-15);
  }

  @Test
  void aZeroDirectionDoesNotMoveSignOfZeroIsZero() {
    Optimizer lion = create(Map.of("lr", 0.1));
    double[] x = {3, -2};
    OptimizerState state = lion.init(2);
    for (int k = 0; k < 3; k++) {
      lion.step(x, 0, new double[2], 0.1, state, (p, q) -> 0);
    }
    assertArrayEquals(new double[] {3, -2}, x, 0.0);

    Optimizer decaying = create(Map.of("lr", 0.1, "weight_decay", 0.2));
    double[] y = {3, -2};
    decaying.step(y, 0, new double[2], 0.1, decaying.init(2), (p, q) -> 0);
    assertArrayEquals(new double[] {3 * (1 - 0.02), -2 * (1 - 0.02)}, y, 1e-15);
  }

  @Test
  void snapshotHoldsTheMomentByNameAndRestoreChecksItsLength() {
    Optimizer lion = create(Map.of("lr", 0.1));
    OptimizerState state = lion.init(2);
    double[] x = {1, -1};
    lion.step(x, 0, new double[] {2, -4}, 0.1, state, (p, q) -> 0);
    StateSnapshot snapshot = state.snapshot();
    assertEquals(List.of("exp_avg"), List.copyOf(snapshot.arrays().keySet()));
    assertArrayEquals(new double[] {0.02, -0.04}, snapshot.array("exp_avg"), 1e-15);
    assertEquals(snapshot, lion.restore(snapshot, 2).snapshot());

    StateSnapshot truncated =
        new StateSnapshot("lion-example", 2, Map.of("exp_avg", new double[] {1}), Map.of());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> lion.restore(truncated, 2));
    assertTrue(e.getMessage().contains("exp_avg") && e.getMessage().contains("1 entries"));
    StateSnapshot missing = new StateSnapshot("lion-example", 2, Map.of(), Map.of());
    assertThrows(IllegalArgumentException.class, () -> lion.restore(missing, 2));
  }

  @Test
  void aStateOfAnotherDimensionIsRefused() {
    Optimizer lion = create(Map.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> lion.step(new double[3], 0, new double[3], 0.1, lion.init(2), (p, q) -> 0));
    assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
  }

  /** Steady-state steps allocate nothing: under one byte per step over many steps. */
  @Test
  void stepsDoNotAllocate() {
    Optimizer lion = create(Map.of("lr", 1e-3, "weight_decay", 0.1));
    Evaluator bowl =
        (x, g) -> {
          double f = 0;
          for (int i = 0; i < x.length; i++) {
            double r = x[i] - 1e3;
            g[i] = (1 + i) * r;
            f += 0.5 * (1 + i) * r * r;
          }
          return f;
        };
    double[] x = new double[16];
    double[] g = new double[16];
    OptimizerState state = lion.init(16);
    int steps = 2000;
    run(lion, state, bowl, x, g, 20 * steps); // warm up: JIT-compile
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long least = Long.MAX_VALUE;
    for (int window = 0; window < 3; window++) {
      long before = threads.getThreadAllocatedBytes(thread);
      assertTrue(before > 0, "this JVM measures allocation per thread");
      run(lion, state, bowl, x, g, steps);
      least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
    }
    assertTrue(least < steps, "allocated " + least + " bytes in " + steps + " steps");
  }

  private static void run(
      Optimizer lion, OptimizerState state, Evaluator f, double[] x, double[] g, int steps) {
    for (int k = 0; k < steps; k++) {
      lion.step(x, f.evaluate(x, g), g, lion.learningRate(), state, f);
    }
  }

  static Optimizer create(Map<String, Object> values) {
    LionProvider provider = new LionProvider();
    return provider.create(HyperParameters.resolve(provider, values));
  }
}
