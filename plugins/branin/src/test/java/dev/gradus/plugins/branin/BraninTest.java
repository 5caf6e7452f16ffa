package dev.gradus.plugins.branin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Branin's values and minima against the formula written out here, independently of the graph. */
class BraninTest {
  /** 5/(4π) = 10 · 1/(8π): the square vanishes and cos x1 = −1, leaving s − s(1 − t) = s·t. */
  static final double MINIMUM = 5 / (4 * Math.PI);

  private final Objective branin =
      new BraninProvider().create(HyperParameters.resolve(new BraninProvider(), Map.of()));

  /** The textbook formula with its textbook constants, in plain double arithmetic. */
  static double formula(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double inner = x2 - b * x1 * x1 + c * x1 - 6;
    return inner * inner + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  @Test
  void minimumValueIsFiveOverFourPi() {
    assertEquals(0.3978873577297384, MINIMUM, 1e-16);
    assertEquals(MINIMUM, branin.knownMinimum().orElseThrow().value(), 1e-15);
  }

  @Test
  void theThreeMinimizersAreThePublishedOnesAndAttainTheMinimum() {
    KnownMinimum minimum = branin.knownMinimum().orElseThrow();
    List<double[]> published =
        List.of(
            new double[] {-Math.PI, 12.275},
            new double[] {Math.PI, 2.275},
            new double[] {3 * Math.PI, 2.475});
    assertEquals(3, minimum.minimizers().size());
    for (int k = 0; k < 3; k++) {
      double[] declared = minimum.minimizers().get(k);
      assertArrayEquals(published.get(k), declared, 1e-12);
      assertEquals(MINIMUM, branin.value(published.get(k)), 1e-12);
      assertEquals(MINIMUM, formula(declared[0], declared[1]), 1e-12);
      double[] gradient = new double[2];
      assertEquals(MINIMUM, branin.valueAndGradient(declared, gradient), 1e-12);
      assertArrayEquals(new double[] {0, 0}, gradient, 1e-12);
      // on the valley floor, where the square vanishes, and where cos x1 = −1
      double b = 5.1 / (4 * Math.PI * Math.PI);
      double c = 5 / Math.PI;
      assertEquals(b * declared[0] * declared[0] - c * declared[0] + 6, declared[1], 1e-12);
      assertEquals(-1, Math.cos(declared[0]), 1e-15);
    }
    assertArrayEquals(new double[] {9.42477796076938, 2.475}, minimum.minimizers().get(2), 1e-12);
  }

  /** cos x1 = −1 only at odd multiples of π; −3π and 5π lie outside [−5, 10]. */
  @Test
  void noOtherOddMultipleOfPiLiesInTheDomain() {
    int inside = 0;
    for (int k = -7; k <= 7; k += 2) {
      if (k * Math.PI >= -5 && k * Math.PI <= 10) {
        inside++;
      }
    }
    assertEquals(3, inside);
  }

  @Test
  void valuesMatchTheFormulaAndNothingInTheDomainIsLower() {
    SplittableRandom random = new SplittableRandom(1972);
    double least = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 20_000; k++) {
      double x1 = -5 + 15 * random.nextDouble();
      double x2 = 15 * random.nextDouble();
      double expected = formula(x1, x2);
      double value = branin.value(new double[] {x1, x2});
      assertEquals(expected, value, 1e-12 * Math.max(1, Math.abs(expected)), x1 + ", " + x2);
      least = Math.min(least, value);
    }
    assertTrue(least >= MINIMUM - 1e-12, "found " + least + " below the minimum");
    assertTrue(least < MINIMUM + 0.05, "random search should come near the minimum: " + least);
  }

  @Test
  void describesItself() {
    assertEquals(List.of("x1", "x2"), branin.parameterNames());
    assertArrayEquals(new double[] {-5, 0}, branin.domain().orElseThrow().lower(), 0);
    assertArrayEquals(new double[] {10, 15}, branin.domain().orElseThrow().upper(), 0);
    double[] start = branin.defaultStart().orElseThrow();
    assertTrue(branin.value(start) > MINIMUM + 1, "the default start is not near a minimum");
  }
}
