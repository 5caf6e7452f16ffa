package dev.gradus.runner.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {
  private static final String MINIMAL =
      """
      suite: demo
      functions:
        - name: sphere
      optimizers:
        - name: gd
      """;

  private static Suite parse(String yaml) {
    return new SuiteLoader().parse(yaml, "suite.yaml", Path.of("."));
  }

  private static String error(String yaml) {
    return assertThrows(SuiteException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void readsAMinimalSuiteWithDefaults() {
    Suite suite = parse(MINIMAL);
    assertEquals("demo", suite.name());
    assertEquals(Suite.DEFAULT_SEED, suite.seed());
    assertEquals(Suite.DEFAULT_REPEATS, suite.repeats());
    assertEquals(Suite.Budget.DEFAULT_MAX_ITERATIONS, suite.budgets().get(0).maxIterations());
    assertEquals(1, suite.functions().size());
    assertEquals("gd", suite.optimizers().get(0).name());
  }

  @Test
  void readsEveryTopLevelKey() {
    Suite suite =
        parse(
            """
            suite: full
            seed: 42
            repeats: 5
            budget: {max_iterations: 2000, max_evaluations: 20000, max_seconds: 30}
            stop: {target: 1.0e-8, grad_norm: 1.0e-10, f: -0.5}
            functions:
              - name: rosenbrock
                dim: 10
            optimizers:
              - name: adam
                lr: [1.0e-3, 1.0e-2]
            output: {trace_every: 5}
            """);
    assertEquals(42, suite.seed());
    assertEquals(5, suite.repeats());
    assertEquals(2000, suite.budgets().get(0).maxIterations());
    assertEquals(20000L, suite.budgets().get(0).maxEvaluations());
    assertEquals(30.0, suite.budgets().get(0).maxSeconds());
    assertEquals(1e-8, suite.stop().target());
    assertEquals(1e-10, suite.stop().gradNorm());
    assertEquals(-0.5, suite.stop().f(), "a loss bound may be negative");
    assertEquals(5, suite.output().traceEvery());
    assertTrue(suite.optimizers().get(0).settings().get("lr").isList());
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    String message = error("suite: demo\nfunctions: [a, b\noptimizers: []\n");
    assertTrue(message.startsWith("suite.yaml:"), message);
    assertTrue(message.contains("YAML syntax error"), message);
    assertTrue(message.matches("suite\\.yaml:\\d+:\\d+: .*"), message);
  }

  @Test
  void unknownKeysSuggestCloseMatches() {
    String message = error(MINIMAL + "repeat: 3\n");
    assertTrue(message.startsWith("suite.yaml:6:9: unknown key 'repeat'"), message);
    assertTrue(message.contains("did you mean 'repeats'"), message);

    String budget = error(MINIMAL + "budget: {max_iteration: 3}\n");
    assertTrue(budget.contains("did you mean 'max_iterations'?"), budget);
  }

  @Test
  void wrongTypesAreNamedWithTheirLocation() {
    assertTrue(
        error(MINIMAL + "repeats: many\n")
            .contains("repeats: expected an integer, got the text 'many'"));
    assertTrue(error(MINIMAL + "seed: 1.5\n").contains("seed: expected an integer"));
    assertTrue(
        error("suite: demo\nfunctions: sphere\noptimizers: [{name: gd}]\n")
            .contains(
                "suite.yaml:2:12: functions: expected a list of entries, got the text 'sphere'"));
    assertTrue(error(MINIMAL + "repeats: 0\n").contains("repeats = 0 is out of range [1, 100000]"));
    assertTrue(
        error(MINIMAL + "stop: {target: -1}\n").contains("stop.target = -1.0 must be in [0, ∞)"));
  }

  @Test
  void missingRequiredPartsAreNamed() {
    assertTrue(
        error("functions: [{name: sphere}]\noptimizers: [{name: gd}]\n")
            .contains("'suite' is required"));
    assertTrue(error("suite: x\noptimizers: [{name: gd}]\n").contains("'functions' is required"));
    assertTrue(
        error("suite: x\nfunctions: []\noptimizers: [{name: gd}]\n")
            .contains("functions: the list is empty"));
    assertTrue(
        error("suite: x\nfunctions: [{dim: 2}]\noptimizers: [{name: gd}]\n")
            .contains("'name' is missing"));
    assertTrue(error("").contains("the suite is empty"));
  }

  @Test
  void typeTagsAreRefused() {
    String message =
        error(
            "suite: !!java.lang.Runtime x\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    assertTrue(message.contains("type tags"), message);
  }

  @Test
  void aliasBombsAreRefusedBeforeExpansion() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    String message = error(bomb.toString());
    assertTrue(message.startsWith("suite.yaml:2:"), message);
    assertTrue(message.contains("YAML aliases (*a0) are not supported"), message);
  }

  @Test
  void duplicateKeysAreRefused() {
    String message =
        error("suite: a\nsuite: b\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    assertTrue(message.toLowerCase().contains("duplicate"), message);
  }

  @Test
  void folderUnsafeSuiteNamesAreRefused() {
    String message =
        error("suite: ../etc\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    assertTrue(message.contains("names a folder"), message);
  }

  @Test
  void aSuiteNamedLikeMarkupIsRefusedBeforeItCanReachAReport() {
    String message =
        error(
            "suite: \"<script>alert(1)</script>\"\nfunctions: [{name: sphere}]\n"
                + "optimizers: [{name: gd}]\n");
    assertTrue(
        message.startsWith("suite.yaml:1:8: suite name '<script>alert(1)</script>'"), message);
  }
}
