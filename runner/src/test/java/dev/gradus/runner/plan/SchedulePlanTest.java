package dev.gradus.runner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.suite.SuiteException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The later schedules in a suite: expressions in t compiled by the runner, and plan-time errors at
 * the schedule's (or the expression's) file:line:col.
 */
class SchedulePlanTest {
  static String suite(String optimizer) {
    return """
        suite: schedules
        budget: {max_iterations: 10}
        functions:
          - {name: rosenbrock, dim: 2}
        optimizers:
          - %s
        """
        .formatted(optimizer);
  }

  @Test
  void lambdaAndMultiplicativeFactorsAreExpressionsInT() {
    Plan plan =
        TestSuites.plan(
            suite(
                "{name: gd, lr: 0.1, schedule: {lambda: \"0.95^t\"}}\n"
                    + "  - {name: gd, lr: 0.1, schedule: {multiplicative: {lr_lambda: \"1 - 0.01*t\"}}}"));
    assertEquals(2, plan.runs().size());
    List<String> labels = plan.runs().stream().map(r -> r.optimizer().label()).toList();
    assertEquals("gd lr=0.1 schedule=lambda:0.95^t", labels.get(0));
    assertTrue(labels.get(1).startsWith("gd lr=0.1 schedule=multiplicative("), labels.get(1));
    var lambda = plan.runs().get(0).optimizer().optimizer();
    var state = lambda.init(2);
    assertEquals(0.1, lambda.nextLearningRate(state), 1e-17);
    lambda.step(new double[2], 0, new double[2], 0.1, state, null);
    lambda.step(new double[2], 0, new double[2], 0.1, state, null);
    assertEquals(0.1 * 0.95 * 0.95, lambda.nextLearningRate(state), 1e-15);
    var multiplicative = plan.runs().get(1).optimizer().optimizer();
    state = multiplicative.init(2);
    multiplicative.step(new double[2], 0, new double[2], 0.1, state, null);
    multiplicative.step(new double[2], 0, new double[2], 0.1, state, null);
    // hand-worked: 0.1·(1 − 0.01)·(1 − 0.02)
    assertEquals(0.1 * 0.99 * 0.98, multiplicative.nextLearningRate(state), 1e-15);
  }

  @Test
  void aNameOtherThanTIsAnErrorAtTheExpression() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(suite("{name: gd, schedule: {lambda: \"0.95^step\"}}")));
    // line 6, column 35: the quoted value after "  - {name: gd, schedule: {lambda: "
    assertTrue(e.getMessage().startsWith("suite.yaml:6:35:"), e.getMessage());
    assertTrue(e.getMessage().contains("step"), e.getMessage());
  }

  @Test
  void cyclingMomentumOfAnOptimizerWithoutMomentumIsRefusedAtTheSchedule() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    suite(
                        "{name: adagrad, schedule: {one_cycle: {max_lr: 0.1, total_steps: 10}}}")));
    assertTrue(e.getMessage().contains("suite.yaml:6:"), e.getMessage());
    assertTrue(e.getMessage().contains("'adagrad'"), e.getMessage());
    assertTrue(e.getMessage().contains("cycle_momentum: false"), e.getMessage());
    TestSuites.plan(
        suite(
            "{name: adagrad, schedule: {one_cycle: {max_lr: 0.1, total_steps: 10,"
                + " cycle_momentum: false}}}"));
  }

  @Test
  void chainingACosineIsRefused() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    suite(
                        "{name: gd, schedule: {chained: {schedulers: [{cosine: {t_max: 5}}]}}}")));
    assertTrue(e.getMessage().contains("suite.yaml:6:"), e.getMessage());
    assertTrue(e.getMessage().contains("schedulers[0]"), e.getMessage());
  }
}
