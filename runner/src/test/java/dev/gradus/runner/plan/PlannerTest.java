package dev.gradus.runner.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.suite.SuiteException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static String error(String yaml) {
    return assertThrows(SuiteException.class, () -> TestSuites.plan(yaml)).getMessage();
  }

  @Test
  void listValuesSweepEveryCombination() {
    Plan plan =
        TestSuites.plan(
            """
            suite: sweep
            repeats: 3
            functions:
              - name: rosenbrock
                dim: [2, 5]
            optimizers:
              - name: gd
                lr: [1.0e-4, 1.0e-3, 1.0e-2]
                weight_decay: [0, 0.1]
              - name: adam
            """);
    assertEquals(2, plan.functions().size());
    assertEquals(7, plan.optimizers().size());
    assertEquals(2 * 7 * 3, plan.runs().size());
    assertEquals("gd lr=1e-4 weight_decay=0", plan.optimizers().get(0).label());
    assertEquals("gd lr=1e-4 weight_decay=0.1", plan.optimizers().get(1).label());
    assertEquals(1e-2, (Double) plan.optimizers().get(5).hyperparameters().get("lr"));
    Set<String> ids = new HashSet<>();
    plan.runs().forEach(r -> ids.add(r.runId()));
    assertEquals(plan.runs().size(), ids.size(), "run ids are unique");
    assertEquals("f0-rosenbrock_o0-gd_r0", plan.runs().get(0).runId());
  }

  @Test
  void aListTypedHyperparameterSweepsOnlyAsAListOfLists() {
    Plan single =
        TestSuites.plan(
            """
            suite: betas
            functions: [{name: sphere}]
            optimizers:
              - name: adam
                betas: [0.8, 0.99]
            """);
    assertEquals(1, single.optimizers().size());
    assertEquals(List.of(0.8, 0.99), single.optimizers().get(0).hyperparameters().get("betas"));

    Plan swept =
        TestSuites.plan(
            """
            suite: betas
            functions: [{name: sphere}]
            optimizers:
              - name: adam
                betas: [[0.8, 0.99], [0.9, 0.999]]
            """);
    assertEquals(2, swept.optimizers().size());
  }

  @Test
  void everyDefaultIsRecorded() {
    Plan plan =
        TestSuites.plan("suite: d\nfunctions: [{name: sphere}]\noptimizers: [{name: adam}]\n");
    var hp = plan.optimizers().get(0).hyperparameters();
    assertTrue(
        hp.containsKey("lr") && hp.containsKey("betas") && hp.containsKey("eps"), hp.toString());
    assertTrue(
        hp.containsKey("amsgrad") && hp.containsKey("weight_decay") && hp.containsKey("maximize"),
        hp.toString());
  }

  @Test
  void seedsDependOnMasterSeedFunctionAndRepeatButNotOnOptimizer() {
    Plan plan =
        TestSuites.plan(
            "suite: s\nseed: 7\nrepeats: 2\nfunctions: [{name: sphere}, {name: beale}]\n"
                + "optimizers: [{name: gd}, {name: adam}]\n");
    List<RunSpec> runs = plan.runs(); // f0 o0 r0, f0 o0 r1, f0 o1 r0, ...
    assertEquals(runs.get(0).seed(), runs.get(2).seed(), "same function and repeat: same seed");
    assertNotEquals(runs.get(0).seed(), runs.get(1).seed());
    assertNotEquals(runs.get(0).seed(), runs.get(4).seed());
    Plan other =
        TestSuites.plan(
            "suite: s\nseed: 8\nrepeats: 2\nfunctions: [{name: sphere}, {name: beale}]\n"
                + "optimizers: [{name: gd}, {name: adam}]\n");
    assertNotEquals(runs.get(0).seed(), other.runs().get(0).seed());
  }

  @Test
  void unknownIdsSuggestCloseMatches() {
    String message = error("suite: x\nfunctions: [{name: sphere}]\noptimizers: [{name: adma}]\n");
    assertTrue(message.startsWith("suite.yaml:3:14: unknown optimizer 'adma'"), message);
    assertTrue(message.contains("did you mean 'adam'"), message);
    String function = error("suite: x\nfunctions: [{name: rosenbrok}]\noptimizers: [{name: gd}]\n");
    assertTrue(
        function.contains("unknown function 'rosenbrok' (did you mean 'rosenbrock'?)"), function);
  }

  @Test
  void unknownHyperparametersSuggestCloseMatches() {
    String message =
        error(
            "suite: x\nfunctions: [{name: sphere}]\noptimizers:\n  - name: adam\n    betas1: 0.9\n");
    assertTrue(message.startsWith("suite.yaml:5:13: 'adam' has no setting 'betas1'"), message);
    assertTrue(message.contains("did you mean 'betas'"), message);
  }

  @Test
  void outOfRangeHyperparametersNameParameterValueAndRange() {
    String lr =
        error("suite: x\nfunctions: [{name: sphere}]\noptimizers:\n  - name: gd\n    lr: -0.1\n");
    assertTrue(lr.startsWith("suite.yaml:5:9: "), lr);
    assertTrue(lr.contains("lr = -0.1"), lr);
    String betas =
        error(
            "suite: x\nfunctions: [{name: sphere}]\noptimizers:\n  - name: adam\n    betas: [0.9, 1.0]\n");
    assertTrue(betas.contains("betas") && betas.contains("[0, 1)"), betas);
  }

  @Test
  void crossParameterRulesPointAtTheEntry() {
    String message =
        error(
            "suite: x\nfunctions: [{name: sphere}]\noptimizers:\n"
                + "  - name: momentum\n    nesterov: true\n    dampening: 0.5\n");
    assertTrue(message.contains("nesterov") && message.contains("dampening"), message);
    assertTrue(message.startsWith("suite.yaml:"), message);
  }

  @Test
  void wrongTypesAreRefused() {
    String message =
        error(
            "suite: x\nfunctions: [{name: sphere}]\noptimizers:\n  - name: adam\n    amsgrad: sometimes\n");
    assertTrue(message.contains("amsgrad") && message.contains("true or false"), message);
  }

  @Test
  void emptySweepListsAreRefused() {
    String message =
        error("suite: x\nfunctions: [{name: sphere}]\noptimizers:\n  - name: gd\n    lr: []\n");
    assertTrue(message.contains("the sweep list is empty"), message);
    assertTrue(message.startsWith("suite.yaml:5:9"), message);
  }

  @Test
  void absurdSizesAreRefusedBeforeAnyWork() {
    String dim =
        error(
            "suite: x\nfunctions:\n  - name: rosenbrock\n    dim: 1e12\noptimizers: [{name: gd}]\n");
    assertTrue(dim.contains("dim"), dim);
    StringBuilder sweep =
        new StringBuilder(
            "suite: x\nfunctions: [{name: sphere}]\noptimizers:\n  - name: gd\n    lr: [");
    for (int i = 1; i <= 1000; i++) {
      sweep.append(i == 1 ? "" : ", ").append(i * 1e-6);
    }
    sweep.append("]\n    weight_decay: [");
    for (int i = 0; i < 1000; i++) {
      sweep.append(i == 0 ? "" : ", ").append(i * 1e-3);
    }
    sweep.append("]\n");
    String million = error(sweep.toString());
    assertTrue(million.contains("sweeps more than"), million);
  }

  @Test
  void tooManyRunsAreRefused() {
    StringBuilder lrs = new StringBuilder();
    for (int i = 1; i <= 5000; i++) {
      lrs.append(i == 1 ? "" : ", ").append(i * 1e-7);
    }
    String message =
        error(
            "suite: x\nrepeats: 100\nfunctions: [{name: sphere}]\noptimizers:\n  - name: gd\n    lr: ["
                + lrs
                + "]\n");
    assertTrue(message.contains("500000 runs") && message.contains("limit"), message);
  }

  @Test
  void gradientMethodsAreChecked() {
    String message =
        error(
            "suite: x\nfunctions:\n  - name: sphere\n    gradient: numerica\noptimizers: [{name: gd}]\n");
    assertTrue(message.contains("did you mean 'numerical'"), message);
  }

  private static final String REPORT_SUITE =
      "suite: r\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n";

  @Test
  void theReportSectionDefaultsToCocosLadderAndGaps() {
    ReportRules rules = TestSuites.plan(REPORT_SUITE).report();
    assertEquals(ReportRules.DEFAULTS, rules);
    assertEquals(51, rules.targets().length);
    assertEquals(100, rules.targets()[0], 1e-12);
    assertEquals(1e-8, rules.targets()[50], 1e-22);
    assertArrayEquals(dev.gradus.runner.analysis.Targets.coco(), rules.targets());
  }

  @Test
  void theReportSectionSetsEveryChoice() {
    ReportRules rules =
        TestSuites.plan(
                REPORT_SUITE
                    + "report: {convergence: f, ecdf_x: evaluations_per_dimension, tau: 0.1,"
                    + " targets: {from: 1, to: -3, step: 1}}\n")
            .report();
    assertEquals(ReportRules.Convergence.F, rules.convergence());
    assertEquals(ReportRules.EcdfAxis.EVALUATIONS_PER_DIMENSION, rules.ecdfX());
    assertEquals(0.1, rules.tau());
    assertEquals(5, rules.targets().length);
    assertEquals(1e-3, rules.targets()[4], 1e-18);
  }

  @Test
  void badReportValuesAreNamedAtTheirPlace() {
    String unknown = error(REPORT_SUITE + "report: {convergence: gaps}\n");
    assertTrue(
        unknown.startsWith("suite.yaml:4:23: report.convergence: unknown value 'gaps'"), unknown);
    assertTrue(unknown.contains("did you mean 'gap'"), unknown);
    String tau = error(REPORT_SUITE + "report:\n  tau: 1.5\n");
    assertTrue(tau.startsWith("suite.yaml:5:8: report.tau must lie in (0, 1), got 1.5"), tau);
    String upside = error(REPORT_SUITE + "report:\n  targets: {from: -8, to: 2}\n");
    assertTrue(
        upside.contains("report.targets: 'from' (-8.0) must be at least 'to' (2.0)"), upside);
    assertTrue(upside.startsWith("suite.yaml:5:"), upside);
    String key = error(REPORT_SUITE + "report: {target: 1}\n");
    assertTrue(key.contains("unknown key 'target' in report"), key);
    String many = error(REPORT_SUITE + "report: {targets: {step: 1.0e-6}}\n");
    assertTrue(many.contains("at most 1000 targets"), many);
  }
}
