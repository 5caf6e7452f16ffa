package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker's untimed warm-up before its first run of a function and optimizer changes nothing. */
class WarmUpTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: warm-up
      seed: 4
      repeats: 3
      budget: {max_iterations: 300}
      output: {trace_every: 7}
      functions:
        - {name: rosenbrock, dim: 3, gradient_noise: 0.2}
        - name: logistic-regression
          data: {generate: {n: 30, weights: [1.0, -1.0]}, test_fraction: 0.2}
          batch_size: 8
      optimizers:
        - {name: adam, lr: [0.01, 0.02], schedule: {reduce_on_plateau: {patience: 5}}}
        - {name: lbfgs}
        - {name: gd, lr: 0.01, wrap: [ema]}
      """;

  private List<String> run(Plan plan, Path out, int threads, boolean warmUp) {
    return TestSuites.run(plan, out, new LocalExecutor(threads, warmUp)).results().stream()
        .map(r -> RunRecords.toJson(TestSuites.withoutTime(r), java.util.Map.of()))
        .toList();
  }

  /** A trace's rows without the seconds column, the one that depends on the machine. */
  private static List<String> timeless(Path dir, String runId) {
    List<String> rows = new ArrayList<>();
    for (String line : TestSuites.traceLines(dir, runId)) {
      String[] cells = line.split(",", -1);
      cells[2] = "";
      rows.add(String.join(",", cells));
    }
    return rows;
  }

  @Test
  void recordsAndTracesAreTheSameWithAndWithoutWarmUpOnOneAndTwoThreads() {
    Plan plan = TestSuites.plan(SUITE);
    List<String> cold = run(plan, dir.resolve("cold"), 1, false);
    List<String> warm = run(plan, dir.resolve("warm"), 1, true);
    List<String> warmOnTwo = run(plan, dir.resolve("warm2"), 2, true);
    assertEquals(plan.runs().size(), cold.size());
    assertEquals(cold, warm);
    assertEquals(cold, warmOnTwo);
    for (RunSpec spec : plan.runs()) {
      List<String> rows = timeless(dir.resolve("cold"), spec.runId());
      assertTrue(rows.size() > 2, spec.runId());
      assertEquals(rows, timeless(dir.resolve("warm"), spec.runId()), spec.runId());
      assertEquals(rows, timeless(dir.resolve("warm2"), spec.runId()), spec.runId());
    }
  }

  @Test
  void eachThreadWarmsUpEachFunctionAndOptimizerOnceBeforeItsFirstRunThere() {
    Plan plan = TestSuites.plan(SUITE);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    RunExecutor.RunTask task =
        RunExecutor.RunTask.warmedBy(
            (spec, listener) -> {
              events.add(Thread.currentThread().getName() + " run " + spec.runId());
              return new RunEngine(plan.rules()).run(spec, listener);
            },
            spec ->
                events.add(
                    Thread.currentThread().getName()
                        + " warm "
                        + spec.function().index()
                        + " "
                        + spec.optimizer().name()));
    new LocalExecutor(2, true).execute(plan.runs(), task, new RunListener() {}, r -> {});
    Set<String> threads = new TreeSet<>();
    events.forEach(e -> threads.add(e.substring(0, e.indexOf(' '))));
    for (String thread : threads) {
      List<String> mine = events.stream().filter(e -> e.startsWith(thread + " ")).toList();
      Set<String> warmed = new TreeSet<>();
      for (String e : mine) {
        String what = e.substring(thread.length() + 1);
        if (what.startsWith("warm ")) {
          assertTrue(warmed.add(what.substring(5)), "warmed twice on " + thread + ": " + what);
        } else {
          RunSpec spec =
              plan.runs().stream()
                  .filter(s -> what.equals("run " + s.runId()))
                  .findFirst()
                  .orElseThrow();
          // adam's two learning rates share their code, so one warm-up serves both
          String pair = spec.function().index() + " " + spec.optimizer().name();
          assertTrue(warmed.contains(pair), what + " on " + thread + " before its warm-up");
        }
      }
    }
    long warmUps = events.stream().filter(e -> e.contains(" warm ")).count();
    // 2 functions × 3 optimizer names, on at most 2 threads
    assertTrue(warmUps >= 6 && warmUps <= 12, "warm-ups: " + warmUps);
    events.clear();
    new LocalExecutor(2, false).execute(plan.runs(), task, new RunListener() {}, r -> {});
    assertEquals(0, events.stream().filter(e -> e.contains(" warm ")).count());
    assertEquals(plan.runs().size(), events.size());
  }
}
