package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What torch 1.13 cannot record for the new optimizers: RAdam's decoupled_weight_decay and maximize
 * (current torch's documented algorithm, against an independent reference), β₁ scheduling of adamax
 * and radam, and Rprop's handling of a sign change (hand-worked).
 */
class MomentumAwareAndRAdamTest {
  static Optimizer make(String id, Map<String, Object> params) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    return provider.create(HyperParameters.resolve(provider, params));
  }

  /** Current torch's RAdam pseudo-code, in plain loops. */
  static double[][] radam(
      Evaluator f,
      double[] start,
      int steps,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean decoupled,
      boolean maximize) {
    int n = start.length;
    double[] theta = start.clone();
    double[] m = new double[n];
    double[] v = new double[n];
    double rhoInf = 2 / (1 - beta2) - 1;
    double[][] out = new double[steps][];
    for (int t = 1; t <= steps; t++) {
      double[] g = Reference.gradient(f, theta);
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
        double mHat = m[i] / (1 - Math.pow(beta1, t));
        double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / (1 - Math.pow(beta2, t));
        if (rhoT > 5) {
          double l = Math.sqrt(1 - Math.pow(beta2, t)) / (Math.sqrt(v[i]) + eps);
          double r =
              Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
          theta[i] = theta[i] - lr * mHat * r * l;
        } else {
          theta[i] = theta[i] - lr * mHat;
        }
      }
      out[t - 1] = theta.clone();
    }
    return out;
  }

  @ParameterizedTest(name = "decoupled={0}")
  @ValueSource(booleans = {true, false})
  void radamDecoupledAndMaximizeMatchTheReference(boolean decoupled) {
    for (boolean maximize : List.of(false, true)) {
      Map<String, Object> params = new HashMap<>();
      params.put("lr", 0.01);
      params.put("betas", List.of(0.8, 0.9));
      params.put("weight_decay", 0.2);
      params.put("decoupled_weight_decay", decoupled);
      params.put("maximize", maximize);
      Optimizer optimizer = make("radam", params);
      Evaluator f = GoldenTrajectoryTest.ROSENBROCK;
      double[] start = {-1.5, 2};
      double[][] want = radam(f, start, 50, 0.01, 0.8, 0.9, 1e-8, 0.2, decoupled, maximize);
      double[] x = start.clone();
      double[] g = new double[2];
      OptimizerState state = optimizer.init(2);
      for (int k = 0; k < 50; k++) {
        optimizer.step(x, f.evaluate(x, g), g, 0.01, state, f);
        for (int i = 0; i < 2; i++) {
          if (!(Math.abs(x[i] - want[k][i]) <= 1e-12 * Math.abs(want[k][i]))) {
            fail("step " + (k + 1) + ": got " + x[i] + ", reference " + want[k][i]);
          }
        }
      }
    }
    // Decoupled and coupled decay are different algorithms on this run.
    assertNotEquals(
        radam(
            GoldenTrajectoryTest.ROSENBROCK,
            new double[] {-1.5, 2},
            10,
            0.01,
            0.8,
            0.9,
            1e-8,
            0.2,
            true,
            false)[9][0],
        radam(
            GoldenTrajectoryTest.ROSENBROCK,
            new double[] {-1.5, 2},
            10,
            0.01,
            0.8,
            0.9,
            1e-8,
            0.2,
            false,
            false)[9][0]);
  }

  /** A step with scheduled momentum b is the step of the optimizer configured with β₁ = b. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adamax", "radam"})
  void betaOneIsSchedulable(String id) {
    MomentumAware scheduled =
        assertInstanceOf(MomentumAware.class, make(id, Map.of("betas", List.of(0.9, 0.99))));
    assertEquals(0.9, scheduled.momentum());
    Evaluator f = GoldenTrajectoryTest.ROSENBROCK;
    double[] x = {-1.5, 2};
    double[] g = new double[2];
    OptimizerState state = scheduled.init(2);
    double[] y = {-1.5, 2};
    double[] h = new double[2];
    Optimizer fixed = make(id, Map.of("betas", List.of(0.6, 0.99)));
    OptimizerState fixedState = fixed.init(2);
    for (int k = 0; k < 20; k++) {
      scheduled.step(x, f.evaluate(x, g), g, 0.01, 0.6, state, f);
      fixed.step(y, f.evaluate(y, h), h, 0.01, fixedState, f);
    }
    assertArrayEquals(y, x, 0.0);
    double[] z = {-1.5, 2};
    OptimizerState plain = scheduled.init(2);
    for (int k = 0; k < 20; k++) {
      scheduled.step(z, f.evaluate(z, g), g, 0.01, plain, f);
    }
    assertNotEquals(z[0], x[0], "β₁ = 0.6 is not β₁ = 0.9");
  }

  /**
   * Rprop on f(x) = x²/2 from x = 1 with lr = 0.5 (defaults η₋ = 0.5, η₊ = 1.2), by hand, where g =
   * x and prev starts at 0:
   *
   * <pre>
   * 1: g = 1,    g·prev = 0 → η = 0.5;        x = 1 − 0.5 = 0.5;    prev = 1
   * 2: g = 0.5,  g·prev &gt; 0 → η = 0.6;     x = 0.5 − 0.6 = −0.1; prev = 0.5
   * 3: g = −0.1, g·prev &lt; 0 → η = 0.3;     g ← 0, x stays −0.1;  prev = 0
   * 4: g = −0.1, g·prev = 0 → η stays 0.3;   x = −0.1 + 0.3 = 0.2; prev = −0.1
   * </pre>
   */
  @Test
  void rpropSkipsTheStepAfterASignChangeAndForgetsTheGradient() {
    Optimizer rprop = make("rprop", Map.of("lr", 0.5));
    Evaluator f =
        (x, g) -> {
          g[0] = x[0];
          return 0.5 * x[0] * x[0];
        };
    double[] x = {1};
    double[] g = new double[1];
    OptimizerState state = rprop.init(1);
    double[] want = {0.5, -0.1, -0.1, 0.2};
    double[] wantEta = {0.5, 0.6, 0.3, 0.3};
    for (int k = 0; k < 4; k++) {
      rprop.step(x, f.evaluate(x, g), g, 0.5, state, f);
      assertEquals(want[k], x[0], 1e-15, "x after step " + (k + 1));
      assertEquals(wantEta[k], state.snapshot().array("step_size")[0], 1e-15);
    }
  }
}
