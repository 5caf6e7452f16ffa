package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.functions.catalog.Catalog;
import dev.gradus.optimizers.GradientClip;
import dev.gradus.optimizers.Minimization;
import dev.gradus.optimizers.Minimizer;
import dev.gradus.optimizers.OptimizerBuilders.Lbfgs.LineSearch;
import dev.gradus.optimizers.Optimizers;
import dev.gradus.optimizers.Schedule;
import dev.gradus.optimizers.StopRule;
import dev.gradus.optimizers.Trace;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The library's {@link Minimizer}, fed objectives from {@link Catalog} and optimizers from {@link
 * Optimizers}'s builders, ends every run of a suite as the runner does: the same status,
 * iterations, evaluations, final point and f, and the same trace rows, bit for bit (with {@code
 * trace_every: 1}, where the runner adds no rows at targets). The runs converge, exhaust the
 * iteration and the evaluation budget, and diverge.
 */
class LibraryDriverAgreementTest {
  private static final String SUITE =
      """
      suite: library-agreement
      seed: 1
      budget: {max_iterations: 3000, max_evaluations: 2500}
      stop: {grad_norm: 1.0e-6}
      output: {trace_every: 1}
      functions:
        - {name: rosenbrock, dim: 2, start: [-1.2, 1.0]}
        - {name: himmelblau, start: [0.5, -3.0]}
      optimizers:
        - {name: adam, lr: 0.02}
        - {name: lbfgs, line_search: strong_wolfe}
        - {name: momentum, lr: 0.001, nesterov: true}
        - {name: gd, lr: 0.01}
        - {name: adam, lr: 0.05, clip_grad_norm: 10}
      """;

  private static final List<Supplier<Objective>> FUNCTIONS =
      List.of(() -> Catalog.rosenbrock(2), Catalog::himmelblau);
  private static final List<double[]> STARTS =
      List.of(new double[] {-1.2, 1}, new double[] {0.5, -3});
  private static final List<Supplier<Optimizer>> OPTIMIZERS =
      List.of(
          () -> Optimizers.adam().lr(0.02).build(),
          () -> Optimizers.lbfgs().lineSearch(LineSearch.STRONG_WOLFE).build(),
          () -> Optimizers.momentum().lr(0.001).nesterov(true).build(),
          () -> Optimizers.gd().lr(0.01).build(),
          () ->
              Optimizers.compose(
                  Optimizers.adam().lr(0.05).build(),
                  Schedule.constant(),
                  GradientClip.byNorm(10)));

  @Test
  void everyRunEndsAsTheRunnersDoes() {
    Plan plan = TestSuites.plan(SUITE);
    RunEngine engine = new RunEngine(plan.rules());
    StopRule stop = StopRule.maxIterations(3000).maxEvaluations(2500).gradNorm(1e-6);
    Set<RunStatus> seen = EnumSet.noneOf(RunStatus.class);
    for (RunSpec spec : plan.runs()) {
      List<Iteration> rows = new ArrayList<>();
      RunResult runner =
          engine.run(
              spec,
              new RunListener() {
                @Override
                public void iteration(RunInfo run, Iteration row) {
                  rows.add(row);
                }
              });
      Minimization library =
          Minimizer.minimize(
              FUNCTIONS.get(spec.function().index()).get(),
              OPTIMIZERS.get(spec.optimizer().index()).get(),
              STARTS.get(spec.function().index()),
              stop);
      String run = spec.runId();
      seen.add(runner.status());
      assertEquals(runner.status().id(), library.status().id(), run);
      assertEquals(runner.iterations(), library.iterations(), run);
      assertEquals(runner.evaluations(), library.evaluations(), run);
      if (runner.status() == RunStatus.DIVERGED) {
        assertEquals(runner.error(), library.message(), run);
      } else {
        assertArrayEquals(runner.xFinal(), library.x(), run);
        assertEquals(runner.fFinal(), library.f(), run);
        assertEquals(runner.gradNormFinal(), library.gradNorm(), run);
      }
      Trace trace = library.trace();
      assertEquals(rows.size(), trace.size(), run);
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(rows.get(i).iteration(), trace.iteration(i), run);
        assertEquals(rows.get(i).evaluations(), trace.evaluations(i), run);
        assertEquals(rows.get(i).f(), trace.f(i), run);
        assertEquals(rows.get(i).gradNorm(), trace.gradNorm(i), run);
      }
    }
    assertEquals(
        EnumSet.of(RunStatus.CONVERGED, RunStatus.BUDGET_EXHAUSTED, RunStatus.DIVERGED), seen);
  }
}
