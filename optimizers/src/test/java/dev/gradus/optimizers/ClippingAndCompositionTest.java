package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClippingAndCompositionTest {
  @Test
  void clipByValueClampsEachComponent() {
    double[] g = {3, -5, 0.5, -1};
    GradientClip.byValue(1).clip(g);
    assertArrayEquals(new double[] {1, -1, 0.5, -1}, g, 0);
  }

  @Test
  void clipByNormScalesOnlyLongGradients() {
    double[] g = {3, 4};
    GradientClip.byNorm(1).clip(g);
    double scale = 1 / (5 + 1e-6);
    assertArrayEquals(new double[] {3 * scale, 4 * scale}, g, 0);
    assertEquals(1, Math.hypot(g[0], g[1]), 1e-6);
    double[] shortOne = {0.3, 0.4};
    GradientClip.byNorm(1).clip(shortOne);
    assertArrayEquals(new double[] {0.3, 0.4}, shortOne, 0);
  }

  @Test
  void clippingRejectsNonPositiveThresholds() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientClip.byNorm(0));
    assertTrue(e.getMessage().contains("max_norm = 0.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GradientClip.byValue(-1));
  }

  /** An optimizer that records the lr and gradient it is given and takes θ ← θ − lr·g. */
  static final class Recording implements Optimizer {
    final List<Double> lrs = new ArrayList<>();
    final List<double[]> gradients = new ArrayList<>();

    @Override
    public String id() {
      return "recording";
    }

    @Override
    public double learningRate() {
      return 0.1;
    }

    @Override
    public OptimizerState init(int dimension) {
      return new OptimizerState() {
        @Override
        public int dimension() {
          return dimension;
        }

        @Override
        public StateSnapshot snapshot() {
          return new StateSnapshot("recording", dimension, Map.of(), Map.of());
        }
      };
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        OptimizerState state,
        Evaluator objective) {
      lrs.add(lr);
      gradients.add(gradient.clone());
      for (int i = 0; i < params.length; i++) {
        params[i] -= lr * gradient[i];
      }
    }

    @Override
    public OptimizerState restore(StateSnapshot snapshot, int dimension) {
      snapshot.requireFrom(id(), dimension);
      return init(dimension);
    }
  }

  @Test
  void compositionAppliesTheScheduleAndClipsFirst() {
    Recording inner = new Recording();
    Optimizer composed =
        Optimizers.compose(inner, Schedule.exponential(0.5), GradientClip.byValue(2));
    assertEquals("recording", composed.id());
    assertEquals(0.1, composed.learningRate());
    OptimizerState state = composed.init(2);
    double[] x = {10, 1};
    for (int k = 0; k < 4; k++) {
      double[] g = {2 * x[0], 2 * x[1]};
      composed.step(x, 0, g, composed.learningRate(), state, (p, q) -> 0);
    }
    assertEquals(List.of(0.1, 0.05, 0.025, 0.0125), inner.lrs);
    assertArrayEquals(new double[] {2, 2}, inner.gradients.get(0), 0, "clipped before the step");
    // x after the first step is (10 − 0.1·2, 1 − 0.1·2) = (9.8, 0.8); only the first component
    // clips
    assertArrayEquals(new double[] {2, 1.6}, inner.gradients.get(1), 1e-15);
  }

  @Test
  void composedGdFollowsTheScheduledRate() {
    OptimizerProvider gdProvider = new dev.gradus.optimizers.internal.GdProvider();
    Optimizer gd = gdProvider.create(HyperParameters.resolve(gdProvider, Map.of("lr", 0.1)));
    Optimizer composed = Optimizers.compose(gd, Schedule.step(2, 0.5), GradientClip.none());
    OptimizerState state = composed.init(1);
    double[] x = {1};
    double expected = 1;
    double[] rates = {0.1, 0.1, 0.05, 0.05, 0.025};
    for (double rate : rates) {
      double[] g = {x[0]};
      composed.step(x, 0.5 * x[0] * x[0], g, composed.learningRate(), state, (p, q) -> 0);
      expected -= rate * expected;
      assertEquals(expected, x[0], 1e-15);
    }
  }
}
