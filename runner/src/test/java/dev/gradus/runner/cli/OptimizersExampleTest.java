package dev.gradus.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.optimizers.Schedule;
import dev.gradus.optimizers.Wrappers;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.spi.OptimizerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/optimizers.yaml uses every built-in optimizer, schedule and wrapper, as its header and
 * docs/optimizers.md promise; a built-in added without an entry there fails here. A shortened copy
 * runs end to end, and `gradus list` names all of them.
 */
class OptimizersExampleTest {
  @TempDir Path dir;

  static String example() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("basedir", ".")).resolve("../examples/optimizers.yaml"));
  }

  static List<String> builtInOptimizers() {
    List<String> ids = new ArrayList<>();
    for (OptimizerProvider p : TestSuites.gradus().plugins().optimizers().all()) {
      ids.add(p.id());
    }
    return ids;
  }

  static final List<String> SECOND_ORDER =
      List.of("newton", "newton-cg", "trust-region", "adahessian");

  @Test
  void theSecondOrderExampleEndsEveryRunWithAnOutcome() throws Exception {
    String yaml =
        Files.readString(
            Path.of(System.getProperty("basedir", ".")).resolve("../examples/second-order.yaml"));
    SuiteOutcome outcome = TestSuites.run(yaml, dir.resolve("second-order"), 2);
    assertEquals(4 * 9 * 2, outcome.results().size());
    for (RunResult r : outcome.results()) {
      assertNotEquals(
          RunStatus.FAILED, r.status(), r.runId() + " " + r.optimizerLabel() + ": " + r.error());
      if (r.functionIndex() != 2 && r.optimizer().startsWith("newton")) {
        // Newton's methods solve the 2-D problems and the least-squares fit to the target
        assertEquals(RunStatus.CONVERGED, r.status(), r.runId());
      }
    }
  }

  @Test
  void theExampleUsesEveryOptimizerScheduleAndWrapper() throws Exception {
    String yaml = example();
    List<String> ids = builtInOptimizers();
    assertTrue(ids.size() >= 24, ids.toString());
    String secondOrder =
        Files.readString(
            Path.of(System.getProperty("basedir", ".")).resolve("../examples/second-order.yaml"));
    for (String id : ids) {
      // the methods that take Hessian-vector products have their own example: dense newton on
      // this one's network would take 1,210 products a step
      boolean second = SECOND_ORDER.contains(id);
      assertTrue(
          Pattern.compile("name: " + Pattern.quote(id) + "[,}\\s]")
              .matcher(second ? secondOrder : yaml)
              .find(),
          "examples/"
              + (second ? "second-order" : "optimizers")
              + ".yaml has no entry for '"
              + id
              + "'");
    }
    for (String schedule : Schedule.names()) {
      assertTrue(
          Pattern.compile("\\{" + Pattern.quote(schedule) + ":").matcher(yaml).find(),
          "examples/optimizers.yaml uses no '" + schedule + "' schedule");
    }
    for (String wrapper : Wrappers.names()) {
      assertTrue(
          Pattern.compile("\\{" + Pattern.quote(wrapper) + "[:}]").matcher(yaml).find(),
          "examples/optimizers.yaml uses no '" + wrapper + "' wrapper");
    }
  }

  @Test
  void listNamesEveryOptimizerScheduleAndWrapper() {
    CliTest.Result r = CliTest.gradus("list");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().map(String::trim).toList();
    List<String> names = new ArrayList<>(builtInOptimizers());
    names.addAll(Schedule.names());
    names.addAll(Wrappers.names());
    for (String name : names) {
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith(name + " ")), "gradus list lacks " + name);
    }
    assertTrue(r.out().contains("Schedules"), r.out());
  }

  @Test
  void aShortRunOfTheExampleEndsEveryRunWithAnOutcome() throws Exception {
    String yaml =
        example()
            .replace("max_iterations: 400", "max_iterations: 30")
            .replace("repeats: 2", "repeats: 1");
    assertNotEquals(example(), yaml, "the example's budget and repeats lines moved");
    SuiteOutcome outcome = TestSuites.run(yaml, dir.resolve("out"), 2);
    List<RunResult> results = outcome.results();
    assertEquals(2 * 28, results.size());
    for (RunResult r : results) {
      assertNotEquals(
          RunStatus.FAILED, r.status(), r.runId() + " " + r.optimizerLabel() + ": " + r.error());
      assertTrue(r.iterations() > 0, r.runId());
    }
    // schedule-free's x, the EMA and ASGD-before-t0 aside, an averaged point is recorded where one
    // exists: here schedule-free and ema keep one from the first step
    for (RunResult r : results) {
      if (r.optimizer().endsWith("schedule-free") || r.optimizerLabel().contains("ema(")) {
        assertNotNull(r.averaged(), r.runId() + " " + r.optimizerLabel());
      }
    }
  }
}
