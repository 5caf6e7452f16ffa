package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.RunListener;
import org.junit.jupiter.api.Test;

/** stop: {test_accuracy: a} ends a run at the first trace row whose held-out accuracy is ≥ a. */
class StopOnAccuracyTest {
  static final String SUITE =
      """
      suite: accurate
      seed: 3
      budget: {max_iterations: 400}
      stop: {test_accuracy: 0.95}
      output: {trace_every: 5}
      functions:
        - name: logistic-regression
          data: {dataset: breast-cancer, test_fraction: 0.2}
      optimizers:
        - {name: gd, lr: 0.05}
      """;

  @Test
  void aRunStopsAtTheFirstScheduledRowThatIsAccurateEnough() {
    Plan plan = TestSuites.plan(SUITE);
    RunResult run = new RunEngine(plan.rules()).run(plan.runs().get(0), new RunListener() {});
    assertEquals(RunStatus.CONVERGED, run.status(), run.error());
    assertEquals(0, run.iterations() % 5, "checked at trace rows only: " + run.iterations());
    assertTrue(run.iterations() > 0);
    assertTrue(run.heldOut().get("test_accuracy") >= 0.95, run.heldOut().toString());
    // one row earlier it was not: a run cut there ends short of the accuracy
    Plan shorter =
        TestSuites.plan(
            SUITE.replace("max_iterations: 400", "max_iterations: " + (run.iterations() - 5)));
    RunResult before =
        new RunEngine(shorter.rules()).run(shorter.runs().get(0), new RunListener() {});
    assertEquals(RunStatus.BUDGET_EXHAUSTED, before.status());
    assertTrue(before.heldOut().get("test_accuracy") < 0.95, before.heldOut().toString());
  }

  @Test
  void functionsWithoutATestAccuracyAreRefused() {
    for (String function :
        new String[] {
          "{name: rosenbrock, dim: 2}",
          "{name: linear-regression, data: {dataset: breast-cancer, test_fraction: 0.2}}",
          "{name: logistic-regression, data: {dataset: breast-cancer}}"
        }) {
      SuiteException e =
          assertThrows(
              SuiteException.class,
              () ->
                  TestSuites.plan(
                      SUITE.replace(
                          "  - name: logistic-regression\n    data: {dataset: breast-cancer, test_fraction: 0.2}",
                          "  - " + function)));
      assertTrue(e.getMessage().contains("has no test accuracy"), e.getMessage());
    }
    SuiteException above =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("test_accuracy: 0.95", "test_accuracy: 1.5")));
    assertTrue(above.getMessage().contains("must be in [0, 1]"), above.getMessage());
  }
}
