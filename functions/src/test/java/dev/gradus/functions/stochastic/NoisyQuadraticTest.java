package dev.gradus.functions.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Stochastic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The noisy quadratic model against its closed form, and gradient noise on any function. */
class NoisyQuadraticTest {
  private static Objective model(Map<String, ?> values) {
    NoisyQuadratic p = new NoisyQuadratic();
    return p.create(HyperParameters.resolve(p, values));
  }

  /** Plain SGD, x ← x − lr·g, for {@code steps} steps; the final f. */
  private static double sgd(Objective o, double lr, int steps, long seed) {
    ((Stochastic) o).useStream(new RandomStream(seed));
    double[] x = o.defaultStart().orElseThrow();
    double[] g = new double[x.length];
    for (int t = 0; t < steps; t++) {
      o.valueAndGradient(x, g);
      for (int i = 0; i < x.length; i++) {
        x[i] -= lr * g[i];
      }
    }
    return o.value(x);
  }

  @Test
  void withoutNoiseSgdFollowsTheClosedFormExactly() {
    // h = 1, 1/2, 1/3; lr 0.5: x_i after t steps is (1 − h_i/2)^t, so f = ½ Σ h_i (1 − h_i/2)^2t
    Objective o = model(Map.of("dim", 3, "noise", 0.0));
    double byHand = 0;
    for (int i = 1; i <= 3; i++) {
      byHand += 0.5 / i * Math.pow(1 - 0.5 / i, 2 * 20);
    }
    double[] h = NoisyQuadratic.curvatures(3, 1);
    assertEquals(
        byHand, NoisyQuadratic.expectedLossUnderSgd(h, new double[] {1, 1, 1}, 0, 0.5, 20), 1e-15);
    assertEquals(byHand, sgd(o, 0.5, 20, 1), 1e-14);
  }

  @Test
  void theMeanLossOfNoisySgdRunsMatchesTheClosedForm() {
    // 4,000 runs of 30 steps on dim 6, decay 1, noise 2, batch 4 (noise variance 1 per unit h)
    Map<String, ?> values = Map.of("dim", 6, "noise", 2.0, "batch_size", 4);
    int runs = 4000;
    double sum = 0;
    double squares = 0;
    for (int r = 0; r < runs; r++) {
      double f = sgd(model(values), 0.3, 30, 1000 + r);
      sum += f;
      squares += f * f;
    }
    double mean = sum / runs;
    double standardError = Math.sqrt((squares / runs - mean * mean) / (runs - 1));
    double expected =
        NoisyQuadratic.expectedLossUnderSgd(
            NoisyQuadratic.curvatures(6, 1), new double[] {1, 1, 1, 1, 1, 1}, 4.0 / 4, 0.3, 30);
    assertTrue(
        Math.abs(mean - expected) <= 5 * standardError,
        "mean " + mean + " ± " + standardError + ", closed form " + expected);
    // the noise floor is well above the noise-free loss, so the test could tell them apart
    double noiseFree =
        NoisyQuadratic.expectedLossUnderSgd(
            NoisyQuadratic.curvatures(6, 1), new double[] {1, 1, 1, 1, 1, 1}, 0, 0.3, 30);
    assertTrue(expected - noiseFree > 20 * standardError, expected + " vs " + noiseFree);
  }

  @Test
  void aLargerBatchDividesTheNoiseVariance() {
    double[] h = NoisyQuadratic.curvatures(4, 1);
    double[] x0 = {0, 0, 0, 0};
    // from the minimum, the whole loss is noise: it is proportional to the noise variance
    double one = NoisyQuadratic.expectedLossUnderSgd(h, x0, 1.0, 0.1, 50);
    double quarter = NoisyQuadratic.expectedLossUnderSgd(h, x0, 0.25, 0.1, 50);
    assertEquals(one / 4, quarter, 1e-15);
  }

  @Test
  void gradientNoiseKeepsTheValueAndAddsNoiseOfTheGivenSize() {
    NoisyQuadratic p = new NoisyQuadratic();
    Objective exact = model(Map.of("dim", 2, "noise", 0.0));
    Objective noisy = GradientNoise.of(exact, 0.5);
    assertTrue(noisy instanceof Stochastic);
    assertEquals(exact, GradientNoise.of(exact, 0));
    ((Stochastic) noisy).useStream(new RandomStream(3));
    double[] x = {1, 2};
    double[] g = new double[2];
    int draws = 20_000;
    double sum = 0;
    double squares = 0;
    for (int k = 0; k < draws; k++) {
      assertEquals(exact.value(x), noisy.valueAndGradient(x, g), 0.0);
      double e = g[0] - 1.0; // ∂f/∂x0 = h0·x0 = 1
      sum += e;
      squares += e * e;
    }
    double mean = sum / draws;
    double sd = Math.sqrt(squares / draws - mean * mean);
    assertEquals(0, mean, 5 * 0.5 / Math.sqrt(draws));
    assertEquals(0.5, sd, 0.02);
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> GradientNoise.of(exact, bad));
      assertTrue(e.getMessage().contains("gradient_noise"), e.getMessage());
    }
  }
}
