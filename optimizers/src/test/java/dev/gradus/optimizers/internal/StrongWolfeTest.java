package dev.gradus.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strong-Wolfe line search: its cubic step against the minimizers of cubics worked out by hand,
 * whole searches on a quadratic traced by hand, and the Wolfe conditions and bookkeeping of its
 * result on harder functions.
 */
class StrongWolfeTest {
  /** An objective that records where it was evaluated. */
  private static final class Recording implements Evaluator {
    final Function<double[], double[]> valueAndGradient;
    final List<double[]> points = new ArrayList<>();

    Recording(Function<double[], double[]> valueAndGradient) {
      this.valueAndGradient = valueAndGradient;
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
      points.add(x.clone());
      double[] out = valueAndGradient.apply(x);
      System.arraycopy(out, 1, gradient, 0, gradient.length);
      return out[0];
    }
  }

  /** (x − 3)² in one dimension: value, then derivative. */
  private static double[] parabola(double[] x) {
    return new double[] {(x[0] - 3) * (x[0] - 3), 2 * (x[0] - 3)};
  }

  /** Rosenbrock's function in two dimensions. */
  private static double[] rosenbrock(double[] x) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    return new double[] {a * a + 100 * b * b, -2 * a - 400 * x[0] * b, 200 * b};
  }

  /** A wiggly one-dimensional function with several local minima. */
  private static double[] wiggly(double[] x) {
    double t = x[0];
    return new double[] {
      t * t * t * t / 4 - 2 * t * t + Math.sin(5 * t), t * t * t - 4 * t + 5 * Math.cos(5 * t)
    };
  }

  @Test
  void cubicStepIsTheLocalMinimizerOfTheInterpolatingCubic() {
    // p(x) = x³ − 3x: p'(x) = 3x² − 3, local minimum at x = 1.
    assertEquals(1, StrongWolfe.cubicMinimum(0, 0, -3, 2, 2, 9, 0, 2), 1e-12);
    assertEquals(1, StrongWolfe.cubicMinimum(2, 2, 9, 0, 0, -3, 0, 2), 1e-12);
    // p(x) = 2x³ − 3x² − 12x + 1: p'(x) = 6(x − 2)(x + 1), local minimum at x = 2.
    double x1 = -0.5, x2 = 3.5;
    double f1 = 2 * x1 * x1 * x1 - 3 * x1 * x1 - 12 * x1 + 1;
    double f2 = 2 * x2 * x2 * x2 - 3 * x2 * x2 - 12 * x2 + 1;
    double g1 = 6 * (x1 - 2) * (x1 + 1);
    double g2 = 6 * (x2 - 2) * (x2 + 1);
    assertEquals(2, StrongWolfe.cubicMinimum(x1, f1, g1, x2, f2, g2, -5, 5), 1e-12);
    assertEquals(2, StrongWolfe.cubicMinimum(x2, f2, g2, x1, f1, g1, -5, 5), 1e-12);
  }

  @Test
  void cubicStepIsClampedToItsInterval() {
    assertEquals(1.5, StrongWolfe.cubicMinimum(0, 0, -3, 2, 2, 9, 1.5, 2), 0);
    assertEquals(0.5, StrongWolfe.cubicMinimum(0, 0, -3, 2, 2, 9, 0, 0.5), 0);
  }

  @Test
  void cubicStepOfALineIsItsLowEndAndOfAMonotoneCubicTheMidpoint() {
    // The line 2x on [0, 1]: its minimum over the interval is the low end.
    assertEquals(0, StrongWolfe.cubicMinimum(0, 0, 2, 1, 2, 2, 0, 1), 0);
    // 2x³ − 3x² + 2x has p' = 6x² − 6x + 2 > 0: no local minimum, so the midpoint.
    assertEquals(0.25, StrongWolfe.cubicMinimum(0, 0, 2, 1, 1, 2, 0, 0.5), 0);
  }

  @Test
  void aShortFirstStepIsExtrapolatedUpToTenTimesItself() {
    // From x = 0 along d = 1 with t = 0.1: f(0.1) = 8.41, f'(0.1) = −5.8 fails the curvature
    // condition |f'| ≤ 0.9·6, so the search extrapolates. The cubic through (0, 9, −6) and
    // (0.1, 8.41, −5.8) is the parabola itself, minimal at 3, clamped to 10·0.1 = 1; there
    // f = 4 and |f'| = 4 ≤ 5.4, so t = 1 is accepted.
    Recording objective = new Recording(StrongWolfeTest::parabola);
    StrongWolfe search = new StrongWolfe(1);
    double[] gradient = {-6};
    search.search(objective, new double[] {0}, 0.1, new double[] {1}, 9, gradient, -6);
    assertEquals(2, objective.points.size());
    assertEquals(0.1, objective.points.get(0)[0], 1e-15);
    assertEquals(1.0, objective.points.get(1)[0], 1e-12);
    assertEquals(1.0, search.step, 1e-12);
    assertEquals(4.0, search.value, 1e-12);
    assertEquals(2, search.evaluations);
    assertArrayEquals(new double[] {-4}, gradient, 1e-12);
  }

  @Test
  void aLongFirstStepIsBracketedAndZoomedIntoTheMinimum() {
    // t = 10: f(10) = 49 > f(0) = 9 brackets [0, 10]; the cubic through (0, 9, −6) and
    // (10, 49, 14) is minimal at 3, where f = 0 and f' = 0: accepted.
    Recording objective = new Recording(StrongWolfeTest::parabola);
    StrongWolfe search = new StrongWolfe(1);
    double[] gradient = {-6};
    search.search(objective, new double[] {0}, 10, new double[] {1}, 9, gradient, -6);
    assertEquals(2, objective.points.size());
    assertEquals(10, objective.points.get(0)[0], 0);
    assertEquals(3, objective.points.get(1)[0], 1e-12);
    assertEquals(3, search.step, 1e-12);
    assertEquals(0, search.value, 1e-20);
    assertEquals(0, gradient[0], 1e-12);
  }

  @Test
  void aStepThatAlreadyMeetsTheConditionsIsTakenAfterOneEvaluation() {
    Recording objective = new Recording(StrongWolfeTest::parabola);
    StrongWolfe search = new StrongWolfe(1);
    double[] gradient = {-6};
    search.search(objective, new double[] {0}, 2, new double[] {1}, 9, gradient, -6);
    assertEquals(1, search.evaluations);
    assertEquals(2, search.step, 0);
    assertEquals(1, search.value, 0);
    assertArrayEquals(new double[] {-2}, gradient, 0);
  }

  @Test
  void onALineTheSearchExtrapolatesTenfoldUntilItsBudgetEnds() {
    // f(t) = 9 − 6t never turns up and its slope never shrinks: every trial extrapolates beyond
    // the last, for one first evaluation and MAX_EVALUATIONS more, and the search ends at the
    // last and lowest trial.
    Recording objective = new Recording(x -> new double[] {9 - 6 * x[0], -6});
    StrongWolfe search = new StrongWolfe(1);
    double[] gradient = {-6};
    search.search(objective, new double[] {0}, 1e-3, new double[] {1}, 9, gradient, -6);
    int evaluations = StrongWolfe.MAX_EVALUATIONS + 1;
    assertEquals(evaluations, objective.points.size());
    assertEquals(evaluations, search.evaluations);
    assertEquals(1e-3, objective.points.get(0)[0], 0);
    for (int k = 1; k < evaluations; k++) {
      double previous = objective.points.get(k - 1)[0];
      double trial = objective.points.get(k)[0];
      // within [t + 0.01(t − t_prev), 10t]
      assertTrue(trial > previous && trial <= 10 * previous * (1 + 1e-15), "trial " + k);
    }
    assertEquals(objective.points.get(evaluations - 1)[0], search.step, 0);
    assertEquals(9 - 6 * search.step, search.value, 0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-4, 1e-2, 0.5, 1, 3, 30, 1000})
  void resultsMeetTheStrongWolfeConditionsOnRosenbrock(double t) {
    assertStrongWolfe(StrongWolfeTest::rosenbrock, new double[] {-1.2, 1}, t);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-3, 0.05, 0.4, 2, 7, 60})
  void resultsMeetTheStrongWolfeConditionsOnAWigglyFunction(double t) {
    assertStrongWolfe(StrongWolfeTest::wiggly, new double[] {-0.3}, t);
  }

  /** From x along steepest descent, scaled to unit max-norm. */
  private static void assertStrongWolfe(Function<double[], double[]> f, double[] x, double t) {
    double[] start = f.apply(x);
    int n = x.length;
    double[] gradient = new double[n];
    double[] d = new double[n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(start[i + 1]));
    }
    double gtd = 0;
    for (int i = 0; i < n; i++) {
      gradient[i] = start[i + 1];
      d[i] = -start[i + 1] / scale;
      gtd += gradient[i] * d[i];
    }
    Recording objective = new Recording(f);
    StrongWolfe search = new StrongWolfe(n);
    search.search(objective, x.clone(), t, d, start[0], gradient, gtd);

    double[] at = new double[n];
    for (int i = 0; i < n; i++) {
      at[i] = x[i] + search.step * d[i];
    }
    double[] there = f.apply(at);
    assertEquals(objective.points.size(), search.evaluations);
    assertTrue(search.evaluations <= StrongWolfe.MAX_EVALUATIONS);
    assertEquals(there[0], search.value, 1e-12 * (1 + Math.abs(there[0])));
    double slope = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(there[i + 1], gradient[i], 1e-9 * (1 + Math.abs(there[i + 1])), "gradient");
      slope += there[i + 1] * d[i];
    }
    assertTrue(search.step > 0, "step " + search.step);
    assertTrue(
        search.value <= start[0] + StrongWolfe.C1 * search.step * gtd,
        "sufficient decrease: " + search.value + " at step " + search.step);
    assertTrue(
        Math.abs(slope) <= StrongWolfe.C2 * Math.abs(gtd),
        "curvature: |" + slope + "| > 0.9·|" + gtd + "| at step " + search.step);
  }
}
