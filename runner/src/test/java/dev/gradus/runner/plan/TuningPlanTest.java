package dev.gradus.runner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.RandomStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planning a suite's tuning: search spaces, trials, rungs and the evaluation's configurations. */
class TuningPlanTest {
  static final String SUITE =
      """
      suite: tuned
      seed: 7
      repeats: 3
      budget: {max_iterations: 90}
      tuning: {strategy: random, trials: 5, seeds: 2}
      functions:
        - {name: sphere, dim: 2, start: random}
        - {name: rosenbrock, dim: 2}
      optimizers:
        - {name: gd, lr: {log_uniform: [1.0e-4, 1.0e-1]}}
        - {name: momentum, lr: {uniform: [0.001, 0.01]}, momentum: {choice: [0.5, 0.9]}}
        - {name: adam, lr: 0.01}
      """;

  @Test
  void randomTrialsAreDrawnInTheirSpacesTheSameEveryTime() {
    Plan plan = TestSuites.plan(SUITE);
    assertEquals(Plan.Phase.TUNING, plan.phase());
    Tuning tuning = plan.tuning();
    assertEquals(2, tuning.units().size());
    List<Map<String, Object>> gd = tuning.units().get(0).trials();
    assertEquals(5, gd.size());
    for (Map<String, Object> t : gd) {
      double lr = (Double) t.get("lr");
      assertTrue(lr >= 1e-4 && lr <= 0.1, t.toString());
    }
    for (Map<String, Object> t : tuning.units().get(1).trials()) {
      double lr = (Double) t.get("lr");
      assertTrue(lr >= 0.001 && lr <= 0.01, t.toString());
      assertTrue(List.of(0.5, 0.9).contains(t.get("momentum")), t.toString());
    }
    assertEquals(gd, TestSuites.plan(SUITE).tuning().units().get(0).trials());
    assertNotEquals(
        gd, TestSuites.plan(SUITE.replace("seed: 7", "seed: 8")).tuning().units().get(0).trials());
    // 2 functions × (2 units × 5 trials) × 2 seeds
    assertEquals(10, plan.optimizers().size());
    assertEquals(40, plan.runs().size());
    assertEquals(
        "gd trial=0 lr=" + Labels.text(gd.get(0).get("lr")), plan.optimizers().get(0).label());
    // the evaluation: each tuned configuration and its defaults, and adam as written
    assertEquals(
        List.of(
            "gd lr=tuned",
            "gd lr=0.001",
            "momentum lr=tuned momentum=tuned",
            "momentum lr=0.001 momentum=0.9",
            "adam lr=0.01"),
        tuning.slots().stream().map(s -> s.config().label()).toList());
  }

  @Test
  void evaluationSeedsAreOnesNoTrialUsed() {
    Plan plan = TestSuites.plan(SUITE);
    Set<Long> tuningSeeds = new HashSet<>();
    plan.runs().forEach(r -> tuningSeeds.add(r.seed()));
    int[][] winners = {{0, 0}, {0, 0}};
    Plan evaluation =
        plan.tuning().evaluation(plan, winners, new Double[][] {{null, null}, {null, null}});
    assertEquals(Plan.Phase.EVALUATION, evaluation.phase());
    assertEquals(2 * 5 * 3, evaluation.runs().size());
    for (RunSpec r : evaluation.runs()) {
      assertTrue(!tuningSeeds.contains(r.seed()), r.runId());
    }
    // as a suite without tuning would seed them: the same as adam's runs in an untuned suite
    Plan untuned =
        TestSuites.plan(
            SUITE
                .replace("  tuning: {strategy: random, trials: 5, seeds: 2}\n", "")
                .replace("tuning: {strategy: random, trials: 5, seeds: 2}\n", "")
                .replace("{log_uniform: [1.0e-4, 1.0e-1]}", "0.01")
                .replace("{uniform: [0.001, 0.01]}", "0.01")
                .replace("{choice: [0.5, 0.9]}", "0.9"));
    assertEquals(untuned.runs().get(0).seed(), evaluation.runs().get(0).seed());
  }

  @Test
  void integerTrialsRecordTheValueTheyRunWith() {
    // trials.csv and tables/tuning.md show Unit.trials: for history_size they must show the
    // integer the trial ran with, not the unrounded draw (7.305 and 7.377 both ran as 7)
    Plan plan =
        TestSuites.plan(
            """
            suite: integer
            seed: 1
            budget: {max_iterations: 20}
            tuning: {strategy: random, trials: 3}
            functions:
              - {name: rosenbrock}
            optimizers:
              - {name: lbfgs, history_size: {uniform: [2, 10]}}
            """);
    Tuning.Unit unit = plan.tuning().units().get(0);
    for (int t = 0; t < unit.trials().size(); t++) {
      Object shown = unit.trials().get(t).get("history_size");
      Object ran =
          plan.optimizers().get(unit.configs()[t][0]).hyperparameters().get("history_size");
      assertEquals(Long.class, shown.getClass(), unit.trials().toString());
      assertEquals(((Number) ran).longValue(), shown);
    }
  }

  @Test
  void aTimeBudgetIsRefusedInATunedSuite() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    """
                    suite: timed
                    seed: 1
                    budget: {max_iterations: 20, max_seconds: 5}
                    tuning: {strategy: random, trials: 3}
                    functions:
                      - {name: rosenbrock}
                    optimizers:
                      - {name: gd, lr: {log_uniform: [1.0e-4, 1.0e-2]}}
                    """));
    assertTrue(e.getMessage().contains("max_seconds"), e.getMessage());
    assertTrue(e.getMessage().contains(":4:"), "points at the tuning line: " + e.getMessage());
  }

  @Test
  void anIntegerGridRunsEachIntegerOnce() {
    // [1, 3] in 5 points is 1, 1.5, 2, 2.5, 3: rounded, 1 2 2 3 3 would run two configurations
    // twice; deduplicated, each integer runs once
    Plan plan =
        TestSuites.plan(
            """
            suite: integer-grid
            seed: 1
            budget: {max_iterations: 20}
            tuning: {strategy: grid, grid_points: 5}
            functions:
              - {name: rosenbrock}
            optimizers:
              - {name: lbfgs, history_size: {uniform: [1, 3]}}
            """);
    assertEquals(
        List.of(1L, 2L, 3L),
        plan.tuning().units().get(0).trials().stream().map(t -> t.get("history_size")).toList());
  }

  @Test
  void integerUniformDrawsGiveTheEndsTheirFullShare() {
    // 3,000 draws from {2, 3, 4}: each about 1,000. Rounding a continuous draw from [2, 4] would
    // give 2 and 4 about 750 each and 3 about 1,500; the bounds below exclude that by > 10 sigma.
    Plan plan =
        TestSuites.plan(
            """
            suite: integer-draws
            seed: 5
            budget: {max_iterations: 20}
            tuning: {strategy: random, trials: 3000}
            functions:
              - {name: rosenbrock}
            optimizers:
              - {name: lbfgs, history_size: {uniform: [2, 4]}}
            """);
    Map<Object, Long> counts =
        plan.tuning().units().get(0).trials().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    t -> t.get("history_size"), java.util.stream.Collectors.counting()));
    assertEquals(java.util.Set.of(2L, 3L, 4L), counts.keySet(), counts.toString());
    counts.values().forEach(c -> assertTrue(c > 880 && c < 1120, counts.toString()));
  }

  @Test
  void aGridTakesEveryCombination() {
    Plan plan =
        TestSuites.plan(
            SUITE.replace(
                "{strategy: random, trials: 5, seeds: 2}", "{strategy: grid, grid_points: 4}"));
    List<Map<String, Object>> gd = plan.tuning().units().get(0).trials();
    // log-spaced from 1e-4 to 1e-1 in 4 points: one decade apart
    assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1), gd.stream().map(t -> t.get("lr")).toList());
    // 4 learning rates × 2 momenta, the last key varying fastest
    List<Map<String, Object>> momentum = plan.tuning().units().get(1).trials();
    assertEquals(8, momentum.size());
    assertEquals(Map.of("lr", 0.001, "momentum", 0.5), momentum.get(0));
    assertEquals(Map.of("lr", 0.001, "momentum", 0.9), momentum.get(1));
    assertEquals(Map.of("lr", 0.004, "momentum", 0.5), momentum.get(2));
  }

  @Test
  void halvingGivesEachRungAThirdOfTheNextBudget() {
    assertEquals(1, TuningPlanner.rungs(Tuning.Strategy.RANDOM, 27, 3));
    assertEquals(3, TuningPlanner.rungs(Tuning.Strategy.HALVING, 9, 3)); // 9 → 3 → 1
    assertEquals(3, TuningPlanner.rungs(Tuning.Strategy.HALVING, 16, 3)); // 16 → 5 → 1
    assertEquals(4, TuningPlanner.rungs(Tuning.Strategy.HALVING, 27, 3));
    assertEquals(2, TuningPlanner.rungs(Tuning.Strategy.HALVING, 3, 2)); // 3 → 1
    Plan plan =
        TestSuites.plan(
            SUITE.replace(
                "{strategy: random, trials: 5, seeds: 2}",
                "{strategy: halving, trials: 9, eta: 3}"));
    Tuning.Unit gd = plan.tuning().units().get(0);
    assertEquals(List.of(10L, 30L, 90L), java.util.Arrays.stream(gd.rungSteps()).boxed().toList());
    OptimizerConfig firstRung = plan.optimizers().get(gd.configs()[4][0]);
    assertEquals(10, firstRung.budget().maxIterations());
    assertTrue(firstRung.label().startsWith("gd trial=4 rung=0 lr="), firstRung.label());
    assertEquals(90, plan.optimizers().get(gd.configs()[4][2]).budget().maxIterations());
  }

  @Test
  void drawsStayInTheSpaceAndKeepFourDigits() {
    RandomStream stream = new RandomStream(3);
    SearchSpace.LogUniform space = new SearchSpace.LogUniform(1e-4, 1e-1);
    for (int i = 0; i < 1000; i++) {
      double v = (Double) space.draw(stream);
      assertTrue(v >= 1e-4 && v <= 1e-1);
      assertEquals(
          v,
          new java.math.BigDecimal(Double.toString(v))
              .round(new java.math.MathContext(4))
              .doubleValue());
    }
    assertEquals(0.1235, SearchSpace.rounded(0.123456, 0, 1));
    assertEquals(0.12, SearchSpace.rounded(0.123456, 0, 0.12), "kept within the space");
  }

  @Test
  void badSpacesAndSectionsAreErrorsAtTheirPlace() {
    String noSection = SUITE.replace("tuning: {strategy: random, trials: 5, seeds: 2}\n", "");
    SuiteException e = assertThrows(SuiteException.class, () -> TestSuites.plan(noSection));
    assertTrue(e.getMessage().contains("suite.yaml:9:"), e.getMessage());
    assertTrue(e.getMessage().contains("needs a tuning section"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("[1.0e-4, 1.0e-1]", "[0, 1.0e-1]")));
    assertTrue(e.getMessage().contains("needs 0 < low"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    SUITE.replace("{uniform: [0.001, 0.01]}", "{uniform: [-1, 0.01]}")));
    assertTrue(e.getMessage().contains("suite.yaml:11:"), e.getMessage());
    assertTrue(e.getMessage().contains("lr"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("strategy: random", "strategy: randm")));
    assertTrue(e.getMessage().contains("did you mean 'random'"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("strategy: random", "strategy: grid")));
    assertTrue(e.getMessage().contains("tuning.trials"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("seeds: 2}", "seeds: 2, select: test_accuracy}")));
    assertTrue(e.getMessage().contains("has no test_accuracy"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    SUITE
                        .replace("{log_uniform: [1.0e-4, 1.0e-1]}", "0.1")
                        .replace("{uniform: [0.001, 0.01]}", "0.01")
                        .replace("{choice: [0.5, 0.9]}", "0.9")));
    assertTrue(e.getMessage().contains("nothing to tune"), e.getMessage());
    e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    SUITE
                        .replace(
                            "{strategy: random, trials: 5, seeds: 2}",
                            "{strategy: halving, trials: 200, eta: 2}")
                        .replace("max_iterations: 90", "max_iterations: 50")));
    assertTrue(e.getMessage().contains("successive halving"), e.getMessage());
  }
}
