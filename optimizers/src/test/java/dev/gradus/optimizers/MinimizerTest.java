package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.optimizers.Minimization.Status;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The driver on f(x) = x²/2, where gradient descent with lr γ gives x_t = (1 − γ)ᵗ x₀ in closed
 * form: with γ = ½ from x₀ = 1, x_t = 2⁻ᵗ exactly, f(x_t) = 4⁻ᵗ/2 and ‖∇f(x_t)‖ = 2⁻ᵗ.
 */
class MinimizerTest {
  /** x²/2 in one variable, with an optional box and minimum 0 at 0. */
  private static Objective halfSquare(Domain domain) {
    return new Objective() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public List<String> parameterNames() {
        return List.of("x");
      }

      @Override
      public double value(double[] x) {
        return x[0] * x[0] / 2;
      }

      @Override
      public double valueAndGradient(double[] x, double[] gradient) {
        gradient[0] = x[0];
        return value(x);
      }

      @Override
      public Optional<KnownMinimum> knownMinimum() {
        return Optional.of(KnownMinimum.at(0, new double[] {0}));
      }

      @Override
      public Optional<Domain> domain() {
        return Optional.ofNullable(domain);
      }

      @Override
      public String toString() {
        return "x²/2";
      }
    };
  }

  private static final Objective HALF_SQUARE = halfSquare(null);
  private static final Optimizer HALVING = Optimizers.gd().lr(0.5).build();

  @Test
  void convergesAtTheFirstIterationWhoseGradientIsSmallEnough() {
    double[] start = {1};
    // 2⁻ᵗ ≤ 1e-3 first at t = 10 (2⁻⁹ = 1.95e-3, 2⁻¹⁰ = 9.77e-4)
    Minimization r =
        Minimizer.minimize(HALF_SQUARE, HALVING, start, StopRule.maxIterations(100).gradNorm(1e-3));
    assertEquals(Status.CONVERGED, r.status());
    assertEquals(10, r.iterations());
    assertEquals(11, r.evaluations(), "x_0 … x_10");
    assertArrayEquals(new double[] {0x1p-10}, r.x());
    assertEquals(0x1p-21, r.f());
    assertEquals(0x1p-10, r.gradNorm());
    assertNull(r.message());
    assertArrayEquals(new double[] {1}, start, "the start is left as it was");
    Trace trace = r.trace();
    assertEquals(11, trace.size());
    for (int t = 0; t <= 10; t++) {
      assertEquals(t, trace.iteration(t));
      assertEquals(t + 1, trace.evaluations(t));
      assertEquals(Math.scalb(0.5, -2 * t), trace.f(t));
      assertEquals(Math.scalb(1.0, -t), trace.gradNorm(t));
    }
    assertEquals(
        "converged after 10 iterations (11 evaluations): f = 4.7684e-07, ‖∇f‖ = 9.7656e-04 at"
            + " [0.00097656]",
        r.toString());
  }

  @Test
  void theTargetAndTheValueRulesUseTheKnownMinimumAndF() {
    // 4⁻ᵗ/2 ≤ 1e-6 first at t = 10 (4.8e-7; t = 9: 1.9e-6)
    Minimization target =
        Minimizer.minimize(
            HALF_SQUARE, HALVING, new double[] {1}, StopRule.maxIterations(100).target(1e-6));
    assertEquals(Status.CONVERGED, target.status());
    assertEquals(10, target.iterations());
    // 4⁻ᵗ/2 ≤ 0.01 first at t = 3 (0.0078; t = 2: 0.031)
    Minimization value =
        Minimizer.minimize(
            HALF_SQUARE, HALVING, new double[] {1}, StopRule.maxIterations(100).f(0.01));
    assertEquals(3, value.iterations());
    assertEquals(Status.CONVERGED, value.status());
  }

  @Test
  void theBudgetEndsARunAsBudgetExhausted() {
    Minimization steps =
        Minimizer.minimize(
            HALF_SQUARE, HALVING, new double[] {1}, StopRule.maxIterations(5).gradNorm(1e-9));
    assertEquals(Status.BUDGET_EXHAUSTED, steps.status());
    assertEquals(5, steps.iterations());
    assertEquals(6, steps.evaluations());
    assertArrayEquals(new double[] {1.0 / 32}, steps.x());

    Minimization evaluations =
        Minimizer.minimize(
            HALF_SQUARE, HALVING, new double[] {1}, StopRule.maxIterations(5).maxEvaluations(3));
    assertEquals(Status.BUDGET_EXHAUSTED, evaluations.status());
    assertEquals(2, evaluations.iterations(), "the third evaluation, at x_2, uses the budget up");
    assertEquals(3, evaluations.evaluations());

    Minimization none =
        Minimizer.minimize(HALF_SQUARE, HALVING, new double[] {1}, StopRule.maxIterations(0));
    assertEquals(0, none.iterations());
    assertEquals(1, none.trace().size());
  }

  @Test
  void growingPastTheOverflowBoundIsDivergence() {
    // γ = 3: x_t = (−2)ᵗ, f = 4ᵗ/2 > 1e300 first at t = 499 (4⁴⁹⁸/2 = 1.1e299)
    Minimization r =
        Minimizer.minimize(
            HALF_SQUARE,
            Optimizers.gd().lr(3).build(),
            new double[] {1},
            StopRule.maxIterations(10_000),
            TraceSpacing.every(100));
    assertEquals(Status.DIVERGED, r.status());
    assertEquals(499, r.iterations());
    assertEquals(500, r.evaluations());
    assertEquals(-Math.scalb(1.0, 499), r.x()[0]);
    assertEquals(
        "diverged at iteration 499: f = "
            + Math.scalb(0.5, 998)
            + ", ‖∇f‖ = "
            + Math.scalb(1.0, 499),
        r.message());
    List<Long> rows = new ArrayList<>();
    for (int i = 0; i < r.trace().size(); i++) {
      rows.add(r.trace().iteration(i));
    }
    assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 499L), rows);
  }

  @Test
  void aPointOutsideTheDomainNeverConverges() {
    // ‖∇f‖ = 1 ≤ 10 already at x_0 = 1, but x_0 lies outside [−0.5, 0.5]; x_1 = 0.5 is inside
    Objective boxed = halfSquare(Domain.cube(1, -0.5, 0.5));
    Minimization r =
        Minimizer.minimize(
            boxed, HALVING, new double[] {1}, StopRule.maxIterations(100).gradNorm(10));
    assertEquals(Status.CONVERGED, r.status());
    assertEquals(1, r.iterations());
  }

  @Test
  void logSpacedRowsAreEveryIterationEarlyThenSparser() {
    Minimization r =
        Minimizer.minimize(
            HALF_SQUARE,
            Optimizers.gd().lr(1e-4).build(),
            new double[] {1},
            StopRule.maxIterations(1000),
            TraceSpacing.log());
    Trace trace = r.trace();
    assertEquals(1000, trace.iteration(trace.size() - 1));
    for (int t = 0; t <= 40; t++) {
      assertEquals(t, trace.iteration(t), "every iteration up to 40");
    }
    // 100 rows a decade: about 100 between 100 and 1000, where every iteration would give 900
    int late = 0;
    for (int i = 0; i < trace.size(); i++) {
      late += trace.iteration(i) >= 100 && trace.iteration(i) < 1000 ? 1 : 0;
    }
    assertTrue(late >= 99 && late <= 101, late + " rows in [100, 1000)");
  }

  @Test
  void anOptimizerThatEvaluatesWithinItsStepsCountsThoseEvaluations() {
    Minimization r =
        Minimizer.minimize(
            HALF_SQUARE,
            Optimizers.lbfgs().lr(0.5).maxIter(3).build(),
            new double[] {1},
            StopRule.maxIterations(2).gradNorm(0));
    // each step: the evaluation the driver made, then up to 3 iterations of its own, each
    // evaluating once except the step's last (the next step brings that one)
    assertEquals(2, r.iterations());
    assertTrue(r.evaluations() > 3, r.evaluations() + " evaluations");
    assertEquals(r.evaluations(), r.trace().evaluations(r.trace().size() - 1));
  }

  @Test
  void secondOrderMethodsGetHessianVectorProductsThatCount() {
    // x²/2 has H = 1, here by the default differences of two gradients: newton's first step
    // takes the evaluation the driver made, one product and one line-search trial, and lands
    // at 0 up to the differences' rounding; the evaluation there ends the run
    Minimization r =
        Minimizer.minimize(
            HALF_SQUARE,
            Optimizers.newton().build(),
            new double[] {1},
            StopRule.maxIterations(10).gradNorm(1e-9));
    assertEquals(Minimization.Status.CONVERGED, r.status());
    assertEquals(1, r.iterations());
    assertEquals(1 + 1 + 1 + 1, r.evaluations());
    assertTrue(Math.abs(r.x()[0]) < 1e-9, "x = " + r.x()[0]);
  }

  @Test
  void aComposedOptimizerKeepsItsSchedule() {
    // step schedule: γ = 0.5 for the first step, then 0.5·0.5 = 0.25: x = 1 → 0.5 → 0.375
    ComposedOptimizer scheduled =
        Optimizers.compose(HALVING, Schedule.step(1, 0.5), GradientClip.none());
    Minimization r =
        Minimizer.minimize(HALF_SQUARE, scheduled, new double[] {1}, StopRule.maxIterations(2));
    assertArrayEquals(new double[] {0.375}, r.x());
  }

  @Test
  void badRulesAndStartsAreRefusedNamingWhatIsWrong() {
    assertEquals(
        "max_iterations = -1 is not allowed: must be an integer in [0, ∞)",
        assertThrows(IllegalArgumentException.class, () -> StopRule.maxIterations(-1))
            .getMessage());
    assertEquals(
        "grad_norm = -1.0 is not allowed: must be a number in [0, ∞), or NaN for no such rule",
        assertThrows(IllegalArgumentException.class, () -> StopRule.maxIterations(1).gradNorm(-1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> StopRule.maxIterations(1).maxEvaluations(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> StopRule.maxIterations(1).f(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> TraceSpacing.every(0));
    IllegalArgumentException start =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Minimizer.minimize(HALF_SQUARE, HALVING, new double[2], StopRule.maxIterations(1)));
    assertEquals(
        "point has 2 coordinates, but the objective has dimension 1 [x]", start.getMessage());
    Objective noMinimum =
        new Objective() {
          public int dimension() {
            return 1;
          }

          public List<String> parameterNames() {
            return List.of("x");
          }

          public double value(double[] x) {
            return 0;
          }

          public double valueAndGradient(double[] x, double[] g) {
            g[0] = 0;
            return 0;
          }

          @Override
          public String toString() {
            return "flat";
          }
        };
    assertEquals(
        "stop target = 0.001 needs a known minimum, and flat has none",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Minimizer.minimize(
                        noMinimum, HALVING, new double[1], StopRule.maxIterations(1).target(1e-3)))
            .getMessage());
  }
}
