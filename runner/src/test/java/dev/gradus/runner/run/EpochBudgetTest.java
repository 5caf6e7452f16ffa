package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.RunListener;
import org.junit.jupiter.api.Test;

/** budget.max_epochs: passes over the training rows, in each function's steps per epoch. */
class EpochBudgetTest {
  static final String SUITE =
      """
      suite: epochs
      seed: 1
      budget: {max_epochs: 3}
      functions:
        - name: logistic-regression
          data: {generate: {n: 30, weights: [1.0, -1.0]}}
          batch_size: [8, 0]
      optimizers:
        - {name: gd, lr: 0.1}
      """;

  @Test
  void anEpochIsOnePassOverTheTrainingRows() {
    Plan plan = TestSuites.plan(SUITE);
    RunEngine engine = new RunEngine(plan.rules());
    RunResult minibatches = engine.run(plan.runs().get(0), new RunListener() {});
    RunResult full = engine.run(plan.runs().get(1), new RunListener() {});
    // 30 rows in batches of 8: 4 steps an epoch (8, 8, 8, 6); the full batch: 1
    assertEquals(12, minibatches.iterations());
    assertEquals(RunStatus.BUDGET_EXHAUSTED, minibatches.status());
    assertEquals(3, full.iterations());
  }

  @Test
  void iterationsStillLimitWhenTheyComeFirst() {
    Plan plan =
        TestSuites.plan(SUITE.replace("{max_epochs: 3}", "{max_epochs: 3, max_iterations: 5}"));
    RunResult minibatches =
        new RunEngine(plan.rules()).run(plan.runs().get(0), new RunListener() {});
    assertEquals(5, minibatches.iterations());
  }

  @Test
  void aSampleBudgetEndsAfterTheStepWhoseRowsReachIt() {
    Plan plan = TestSuites.plan(SUITE.replace("{max_epochs: 3}", "{max_samples: 50}"));
    RunEngine engine = new RunEngine(plan.rules());
    // batches of 8 over 30 rows draw 8, 16, 24, 30 (the epoch's last batch has 6), 38, 46, 54:
    // the 7th step is the first to reach 50; the full batch draws 30, 60: 2 steps
    assertEquals(7, engine.run(plan.runs().get(0), new RunListener() {}).iterations());
    assertEquals(2, engine.run(plan.runs().get(1), new RunListener() {}).iterations());
    Plan exact = TestSuites.plan(SUITE.replace("{max_epochs: 3}", "{max_samples: 30}"));
    // exactly one epoch of rows: 4 batches, or 1 full batch
    assertEquals(
        4,
        new RunEngine(exact.rules()).run(exact.runs().get(0), new RunListener() {}).iterations());
    assertEquals(
        1,
        new RunEngine(exact.rules()).run(exact.runs().get(1), new RunListener() {}).iterations());
    SuiteException none =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    SUITE
                        .replace("{max_epochs: 3}", "{max_samples: 50}")
                        .replace(
                            "  - name: logistic-regression",
                            "  - {name: rosenbrock, dim: 2}\n  - name: logistic-regression")));
    assertTrue(none.getMessage().contains("budget.max_samples"), none.getMessage());
  }

  @Test
  void aFunctionWithoutTrainingRowsIsRefusedForEpochs() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    SUITE.replace(
                        "  - name: logistic-regression",
                        "  - {name: rosenbrock, dim: 2}\n  - name: logistic-regression")));
    assertTrue(e.getMessage().contains("'rosenbrock dim=2' has no training rows"), e.getMessage());
    assertTrue(e.getMessage().contains(":5:"), e.getMessage());
    SuiteException zero =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("max_epochs: 3", "max_epochs: 0")));
    assertTrue(zero.getMessage().contains("budget.max_epochs"), zero.getMessage());
  }
}
