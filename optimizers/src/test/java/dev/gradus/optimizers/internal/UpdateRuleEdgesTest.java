package dev.gradus.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Update rules against formulas written out here, at the edges of their stopping rules. */
class UpdateRuleEdgesTest {
  private static Optimizer create(OptimizerProvider provider, Map<String, Object> values) {
    return provider.create(HyperParameters.resolve(provider, values));
  }

  /** ½‖x − c‖² with c = (1, −2): gradient x − c. Counts its evaluations. */
  private static final class Bowl implements Evaluator {
    int evaluations;

    @Override
    public double evaluate(double[] x, double[] gradient) {
      evaluations++;
      gradient[0] = x[0] - 1;
      gradient[1] = x[1] + 2;
      return 0.5 * (gradient[0] * gradient[0] + gradient[1] * gradient[1]);
    }
  }

  @Test
  void centeredRmsPropDividesByTheEstimatedStandardDeviation() {
    double lr = 0.01, alpha = 0.9, eps = 1e-8;
    Optimizer rmsprop =
        create(new RmsPropProvider(), Map.of("lr", lr, "alpha", alpha, "centered", true));
    OptimizerState state = rmsprop.init(2);
    double[] x = {0.5, -1.5};
    double[][] gradients = {{0.8, -0.3}, {0.2, 0.6}, {-0.4, 0.1}};
    double[] v = new double[2];
    double[] m = new double[2];
    double[] expected = x.clone();
    for (double[] g : gradients) {
      rmsprop.step(x, 0, g.clone(), lr, state, null);
      for (int i = 0; i < 2; i++) {
        v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
        m[i] = alpha * m[i] + (1 - alpha) * g[i];
        expected[i] -= lr * g[i] / (Math.sqrt(v[i] - m[i] * m[i]) + eps);
      }
      assertArrayEquals(expected, x, 1e-15);
      assertArrayEquals(v, state.snapshot().array("square_avg"), 1e-17);
      assertArrayEquals(m, state.snapshot().array("grad_avg"), 1e-17);
    }
  }

  @Test
  void amsgradRestoredMidRunKeepsTheLargestSecondMoment() {
    // A large first gradient, then small ones: max_exp_avg_sq stays above exp_avg_sq, so a
    // restore that lost it would take larger steps than the uninterrupted run.
    Optimizer adam = create(new AdamProvider(), Map.of("lr", 0.1, "amsgrad", true));
    double[][] gradients = {{5, -4}, {0.1, 0.1}, {0.1, -0.1}, {0.05, 0.05}};
    double[] straight = {1, 1};
    OptimizerState whole = adam.init(2);
    double[] resumed = {1, 1};
    OptimizerState first = adam.init(2);
    for (int k = 0; k < 2; k++) {
      adam.step(straight, 0, gradients[k].clone(), 0.1, whole, null);
      adam.step(resumed, 0, gradients[k].clone(), 0.1, first, null);
    }
    OptimizerState restored = adam.restore(first.snapshot(), 2);
    for (int k = 2; k < gradients.length; k++) {
      adam.step(straight, 0, gradients[k].clone(), 0.1, whole, null);
      adam.step(resumed, 0, gradients[k].clone(), 0.1, restored, null);
    }
    assertArrayEquals(straight, resumed, 0);
    double[] max = whole.snapshot().array("max_exp_avg_sq");
    double[] current = whole.snapshot().array("exp_avg_sq");
    for (int i = 0; i < 2; i++) {
      assertTrue(max[i] > current[i], "the maximum is above the current second moment");
    }
  }

  @Test
  void lbfgsDoesNothingWhenTheGradientIsExactlyAtItsTolerance() {
    Optimizer lbfgs = create(new LbfgsProvider(), Map.of("tolerance_grad", 0.5));
    Bowl bowl = new Bowl();
    double[] x = {1.5, -2.25};
    double[] g = new double[2];
    double f = bowl.evaluate(x, g); // g = (0.5, −0.25): max |g| = tolerance_grad
    lbfgs.step(x, f, g, 1, lbfgs.init(2), bowl);
    assertArrayEquals(new double[] {1.5, -2.25}, x, 0);
    assertEquals(1, bowl.evaluations);
  }

  @Test
  void lbfgsStopsWhenItsEvaluationsReachMaxEval() {
    // Without a line search each iteration evaluates once; the step's own evaluation counts as
    // the first, so max_eval = 3 allows two iterations.
    Optimizer lbfgs =
        create(
            new LbfgsProvider(),
            Map.of("lr", 0.1, "max_iter", 10, "max_eval", 3, "tolerance_change", 0.0));
    Bowl bowl = new Bowl();
    double[] x = {4, 3};
    double[] g = new double[2];
    double f = bowl.evaluate(x, g);
    bowl.evaluations = 0;
    lbfgs.step(x, f, g, 0.1, lbfgs.init(2), bowl);
    assertEquals(2, bowl.evaluations);
  }
}
