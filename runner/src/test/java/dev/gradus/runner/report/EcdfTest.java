package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EcdfTest {
  @Test
  void firstHitIsTheEvaluationOfTheFirstRowAtOrBelowTheTarget() {
    double[] evaluations = {1, 2, 3, 4};
    double[] gaps = {10, Double.NaN, 0.5, 0.01};
    assertEquals(1, Ecdf.firstHit(evaluations, gaps, 100));
    assertEquals(3, Ecdf.firstHit(evaluations, gaps, 1));
    assertEquals(3, Ecdf.firstHit(evaluations, gaps, 0.5));
    assertEquals(4, Ecdf.firstHit(evaluations, gaps, 0.1));
    assertEquals(Double.POSITIVE_INFINITY, Ecdf.firstHit(evaluations, gaps, 1e-3));
  }

  @Test
  void theCurveCountsPairsReachedWithinEachBudget() {
    // five pairs: two reached at 10 evaluations, one at 3, one at 50, one never
    double[] hits = {10, Double.POSITIVE_INFINITY, 3, 50, 10};
    Ecdf.Curve curve = Ecdf.curve(hits);
    assertArrayEquals(new double[] {3, 10, 50}, curve.evaluations());
    assertArrayEquals(new double[] {0.2, 0.6, 0.8}, curve.fraction(), 1e-15);
  }

  @Test
  void noPairReachedGivesAnEmptyCurveAndNoPairsIsAnError() {
    Ecdf.Curve curve = Ecdf.curve(new double[] {Double.POSITIVE_INFINITY});
    assertEquals(0, curve.evaluations().length);
    assertThrows(IllegalArgumentException.class, () -> Ecdf.curve(new double[0]));
  }
}
