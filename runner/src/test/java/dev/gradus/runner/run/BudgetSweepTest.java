package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.RunListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A budget key given as a list sweeps it, like a hyperparameter: one configuration per value. */
class BudgetSweepTest {
  static final String SUITE =
      """
      suite: epochs
      seed: 1
      repeats: 2
      budget: {max_epochs: [1, 3]}
      functions:
        - name: logistic-regression
          data: {generate: {n: 30, weights: [1.0, -1.0]}}
          batch_size: 8
      optimizers:
        - {name: gd, lr: 0.1}
        - {name: adam, lr: 0.01}
      """;

  @Test
  void eachValueIsAConfigurationOfItsOwn() {
    Plan plan = TestSuites.plan(SUITE);
    assertEquals(
        List.of(
            "gd lr=0.1 max_epochs=1",
            "gd lr=0.1 max_epochs=3",
            "adam lr=0.01 max_epochs=1",
            "adam lr=0.01 max_epochs=3"),
        plan.optimizers().stream().map(OptimizerConfig::label).toList());
    assertEquals(8, plan.runs().size());
    assertEquals(3L, plan.optimizers().get(1).hyperparameters().get("max_epochs"));
    assertEquals(3L, plan.optimizers().get(1).budget().maxEpochs());
    RunEngine engine = new RunEngine(plan.rules());
    // 30 rows in batches of 8: 4 steps an epoch
    assertEquals(4, engine.run(plan.runs().get(0), new RunListener() {}).iterations());
    assertEquals(12, engine.run(plan.runs().get(2), new RunListener() {}).iterations());
  }

  @Test
  void aShorterBudgetIsAPrefixOfTheLongerRun() {
    Plan plan = TestSuites.plan(SUITE);
    RunSpec shorter = plan.runs().get(1); // gd, 1 epoch, repeat 1
    RunSpec longer = plan.runs().get(3); // gd, 3 epochs, repeat 1
    assertEquals(shorter.seed(), longer.seed(), "budgets share their runs' random numbers");
    RunEngine engine = new RunEngine(plan.rules());
    RunResult first = engine.run(shorter, new RunListener() {});
    List<double[]> points = new ArrayList<>();
    engine.run(longer, new RunListener() {}, null, x -> points.add(x.clone()));
    assertArrayEquals(first.xFinal(), points.get((int) first.iterations()));
  }

  @Test
  void iterationsSweepAsTheLectureHomeworkAsks() {
    Plan plan =
        TestSuites.plan(
            """
            suite: lecture
            budget: {max_iterations: [50, 100, 300]}
            functions:
              - name: linear-regression
                data: {generate: {n: 20, weights: [2.0], bias: 1.0, noise: 0.5, seed: 11}}
            optimizers:
              - {name: gd, lr: [0.01, 0.1]}
            """);
    assertEquals(
        List.of(
            "gd lr=0.01 max_iterations=50",
            "gd lr=0.01 max_iterations=100",
            "gd lr=0.01 max_iterations=300",
            "gd lr=0.1 max_iterations=50",
            "gd lr=0.1 max_iterations=100",
            "gd lr=0.1 max_iterations=300"),
        plan.optimizers().stream().map(OptimizerConfig::label).toList());
    RunEngine engine = new RunEngine(plan.rules());
    assertEquals(100, engine.run(plan.runs().get(4), new RunListener() {}).iterations());
  }

  @Test
  void theResolvedSuiteListsTheSweptValues(@TempDir Path dir) throws Exception {
    TestSuites.run(SUITE, dir.resolve("out"), 2);
    String resolved =
        Files.readString(dir.resolve("out/suite.resolved.yaml"), StandardCharsets.UTF_8);
    assertTrue(resolved.contains("max_epochs:\n  - 1\n  - 3"), resolved);
    String runs = Files.readString(dir.resolve("out/runs.jsonl"), StandardCharsets.UTF_8);
    assertTrue(runs.contains("\"max_epochs\":3"), runs);
  }

  @Test
  void badSweepsAreErrorsAtTheirPlace() {
    SuiteException empty =
        assertThrows(SuiteException.class, () -> TestSuites.plan(SUITE.replace("[1, 3]", "[]")));
    assertTrue(empty.getMessage().contains("suite.yaml:4:"), empty.getMessage());
    assertTrue(empty.getMessage().contains("budget.max_epochs"), empty.getMessage());
    SuiteException zero =
        assertThrows(
            SuiteException.class, () -> TestSuites.plan(SUITE.replace("[1, 3]", "[1, 0]")));
    assertTrue(zero.getMessage().contains("suite.yaml:4:"), zero.getMessage());
    assertTrue(zero.getMessage().contains("out of range"), zero.getMessage());
    SuiteException nested =
        assertThrows(
            SuiteException.class, () -> TestSuites.plan(SUITE.replace("[1, 3]", "[[1], 3]")));
    assertTrue(nested.getMessage().contains("expected a number"), nested.getMessage());
    SuiteException inOptimizer =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    SUITE.replace("{name: gd, lr: 0.1}", "{name: gd, lr: 0.1, max_epochs: 2}")));
    assertTrue(
        inOptimizer.getMessage().contains("max_epochs is a budget, not a hyperparameter"),
        inOptimizer.getMessage());
    assertTrue(inOptimizer.getMessage().contains("suite.yaml:10:"), inOptimizer.getMessage());
  }
}
