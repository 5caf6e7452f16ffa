package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.CheckpointFiles;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second-order optimizers run from a suite: the run's evaluator gives them the objective's
 * Hessian-vector products (by autodiff for graph objectives, by differences of gradients for a
 * numerical one), each counted as an evaluation, and they continue from checkpoints bit for bit.
 */
class SecondOrderRunTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: second-order
      seed: 3
      budget: {max_iterations: 120}
      stop: {target: 1.0e-10}
      output: {checkpoint_every: 5}
      functions:
        - {name: rosenbrock, dim: 2, start: [-1.2, 1.0]}
        - {name: rosenbrock, dim: 2, start: [-1.2, 1.0], gradient: numerical}
        - name: linear-regression
          data: {generate: {n: 50, weights: [2.0], bias: 1.0, noise: 0.1, seed: 7}}
      optimizers:
        - name: newton
        - name: newton-cg
        - name: trust-region
        - {name: adahessian, lr: 0.1}
      """;

  private static final class Rows implements RunListener {
    final List<String> rows = new ArrayList<>();
    final long stopAfter;

    Rows(long stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void iteration(RunInfo run, Iteration r) {
      if (r.iteration() > stopAfter) {
        throw new IllegalStateException("killed");
      }
      rows.add(r.iteration() + " " + r.evaluations() + " " + r.f() + " " + r.gradNorm());
    }
  }

  private static RunSpec spec(Plan plan, int function, String optimizer) {
    return plan.runs().stream()
        .filter(r -> r.function().index() == function && r.optimizer().label().equals(optimizer))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void newtonMethodsConvergeOnRosenbrockByAutodiffAndByDifferences() {
    Plan plan = TestSuites.plan(SUITE);
    RunEngine engine = new RunEngine(plan.rules());
    for (int function : new int[] {0, 1}) {
      for (String optimizer : List.of("newton", "newton-cg", "trust-region")) {
        RunResult result = engine.run(spec(plan, function, optimizer), new Rows(Long.MAX_VALUE));
        assertEquals(
            RunStatus.CONVERGED, result.status(), optimizer + " on f" + function + result.error());
        // Newton with backtracking from (−1.2, 1) takes about twenty steps (Nocedal & Wright)
        assertTrue(
            result.iterations() <= ("newton".equals(optimizer) ? 25 : 110),
            optimizer + ": " + result.iterations());
      }
    }
  }

  @Test
  void aHessianVectorProductCountsAsAnEvaluation() {
    Plan plan = TestSuites.plan(SUITE);
    RunResult newton = new RunEngine(plan.rules()).run(spec(plan, 2, "newton"), new Rows(9));
    // a least-squares fit is quadratic: step 1 evaluates f and ∇f, takes the two products of the
    // 2 × 2 Hessian and one line-search trial (the full step, accepted); the evaluation at the
    // minimizer then ends the run
    assertEquals(RunStatus.CONVERGED, newton.status(), String.valueOf(newton.error()));
    assertEquals(1, newton.iterations());
    assertEquals(1 + 2 + 1 + 1, newton.evaluations());
  }

  @Test
  void adaHessianTrainsTheRegression() {
    Plan plan = TestSuites.plan(SUITE);
    Rows rows = new Rows(Long.MAX_VALUE);
    RunResult result = new RunEngine(plan.rules()).run(spec(plan, 2, "adahessian lr=0.1"), rows);
    assertTrue(
        result.status() == RunStatus.CONVERGED || result.status() == RunStatus.BUDGET_EXHAUSTED,
        String.valueOf(result.status()));
    double first = Double.parseDouble(rows.rows.get(0).split(" ")[2]);
    double last = Double.parseDouble(rows.rows.get(rows.rows.size() - 1).split(" ")[2]);
    assertTrue(last < 0.01 * first, first + " → " + last);
    // two evaluations a step (f and ∇f, and one product for Hutchinson's estimate), and the
    // evaluation of the last point
    assertEquals(2 * result.iterations() + 1, result.evaluations());
  }

  @Test
  void trustRegionAndAdaHessianContinueFromACheckpointBitForBit() {
    Plan plan = TestSuites.plan(SUITE);
    CheckpointFiles files = new CheckpointFiles(new ResultsLayout(dir), null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    for (RunSpec spec :
        List.of(spec(plan, 0, "trust-region"), spec(plan, 2, "adahessian lr=0.1"))) {
      Rows whole = new Rows(Long.MAX_VALUE);
      RunResult expected = new RunEngine(plan.rules()).run(spec, whole);
      checkpointing.run(spec, new Rows(12));
      Checkpoint checkpoint = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      assertEquals(10, checkpoint.iteration(), spec.runId());
      Rows rest = new Rows(Long.MAX_VALUE);
      RunResult resumed = checkpointing.run(spec, rest, checkpoint, null);
      assertEquals(whole.rows.subList(10, whole.rows.size()), rest.rows, spec.runId());
      assertEquals(
          RunRecords.toJson(RunResults.of(expected).timeless().resumedFrom(null).build()),
          RunRecords.toJson(RunResults.of(resumed).timeless().resumedFrom(null).build()),
          spec.runId());
    }
  }
}
