package dev.gradus.runner.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.Planner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Arbitrary text as a suite file, loaded and planned with the built-in providers. The only allowed
 * failure is a {@link SuiteException} with a message (planning errors for bad hyperparameters are
 * SuiteExceptions too); a plan that comes out must have unique run ids and the size the suite
 * implies.
 */
class SuiteFuzzTest {
  /** Suites are hand-written files; longer inputs only slow the fuzzer down. */
  private static final int MAX_TEXT = 8_000;

  private static final Planner PLANNER = TestSuites.gradus().planner();
  private static final Path BASE;

  static {
    try {
      BASE = Files.createTempDirectory("gradus-suite-fuzz");
      BASE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void loadAndPlan(byte[] input) {
    String text = new String(input, 0, Math.min(input.length, MAX_TEXT), StandardCharsets.UTF_8);
    Plan plan;
    try {
      Suite suite = new SuiteLoader().parse(text, "suite.yaml", BASE);
      plan = PLANNER.plan(suite);
    } catch (SuiteException e) {
      assertNotNull(e.getMessage(), () -> "no message: " + e);
      assertFalse(e.getMessage().isBlank(), () -> "blank message: " + e);
      return;
    }
    assertEquals(
        (long) plan.functions().size() * plan.optimizers().size() * plan.repeats(),
        plan.runs().size());
    Set<String> ids = new HashSet<>();
    plan.runs().forEach(run -> ids.add(run.runId()));
    assertEquals(plan.runs().size(), ids.size(), "run ids are unique");
  }
}
