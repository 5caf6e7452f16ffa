package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

class PipelineTest {
  @TempDir Path dir;

  static final String SHOOTOUT =
      """
      suite: shootout
      seed: 42
      repeats: 3
      budget: {max_iterations: 300}
      stop: {target: 1.0e-10}
      functions:
        - name: rosenbrock
          dim: 4
          start: random
        - name: beale
        - name: sphere
          dim: 3
          start: random
      optimizers:
        - name: gd
          lr: [1.0e-3, 1.0e-2]
        - name: momentum
          lr: 1.0e-3
          nesterov: true
        - name: adam
          lr: 1.0e-2
      """;

  private static SuiteOutcome run(String yaml, Path out, int threads, boolean resume) {
    return TestSuites.run(
        yaml, out, threads, resume ? FolderGuard.Mode.RESUME : FolderGuard.Mode.NEW);
  }

  private static Map<String, String> comparable(Path out) throws IOException {
    Map<String, String> byId = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("runs.jsonl"))) {
      RunResult r = RunRecords.fromJson(line);
      byId.put(r.runId(), RunRecords.toJson(TestSuites.withoutTime(r)));
    }
    return byId;
  }

  @Test
  void resultsAreBitIdenticalWhateverTheThreadCount() throws IOException {
    run(SHOOTOUT, dir.resolve("one"), 1, false);
    run(SHOOTOUT, dir.resolve("two"), 2, false);
    run(SHOOTOUT, dir.resolve("four"), 4, false);
    Map<String, String> one = comparable(dir.resolve("one"));
    assertEquals(3 * 4 * 3, one.size());
    assertEquals(one, comparable(dir.resolve("two")));
    assertEquals(one, comparable(dir.resolve("four")));
    assertEquals(
        Files.readString(dir.resolve("one/summary.csv"))
            .lines()
            .map(PipelineTest::withoutWall)
            .toList(),
        Files.readString(dir.resolve("two/summary.csv"))
            .lines()
            .map(PipelineTest::withoutWall)
            .toList());
  }

  private static String withoutWall(String csvLine) {
    return csvLine.substring(0, csvLine.lastIndexOf(','));
  }

  @Test
  void writesEveryOutputFile() throws IOException {
    SuiteOutcome outcome = run(SHOOTOUT, dir, 2, false);
    assertEquals(36, Files.readAllLines(dir.resolve("runs.jsonl")).size());
    try (var traces = Files.list(dir.resolve("traces"))) {
      assertEquals(36, traces.count());
    }
    List<String> trace = TestSuites.traceLines(dir, "f1-beale_o3-adam_r0");
    assertEquals(
        "iteration,evaluations,seconds,f,f_gap,grad_norm,step_norm,lr,in_domain", trace.get(0));
    assertTrue(trace.size() > 2);
    assertTrue(trace.get(1).startsWith("0,"), trace.get(1));
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertEquals(1 + 3 * 4, summary.size());
    String resolved = Files.readString(dir.resolve("suite.resolved.yaml"));
    assertTrue(resolved.contains("betas"), "defaults are filled in: " + resolved);
    assertTrue(resolved.contains("versions"), resolved);
    assertEquals(36, outcome.results().size());
  }

  @Test
  void recordsEveryFieldOfARun() {
    SuiteOutcome outcome =
        run(
            "suite: one\nbudget: {max_iterations: 5000}\nstop: {target: 1.0e-12}\n"
                + "functions: [{name: sphere, dim: 2, start: [1.0, -2.0]}]\n"
                + "optimizers: [{name: gd, lr: 0.1}]\n",
            dir,
            1,
            false);
    RunResult r = outcome.results().get(0);
    assertEquals(RunStatus.CONVERGED, r.status());
    assertArrayEquals(new double[] {1.0, -2.0}, r.xStart());
    assertNotNull(r.iterationsToTarget());
    assertEquals(r.iterations(), r.iterationsToTarget());
    assertEquals(r.iterations() + 1, r.evaluations());
    assertTrue(r.bestGap() <= 1e-12);
    assertEquals(r.bestGap(), r.finalGap());
    // gd on a sphere contracts each coordinate by (1 − 2·lr) per step.
    double expected = Math.hypot(1.0, 2.0) * Math.pow(0.8, r.iterations());
    assertEquals(expected, r.distanceToOptimum(), 1e-12);
    assertNull(r.error());
  }

  @Test
  void aDivergingRunIsRecordedAndTheSuiteGoesOn() {
    SuiteOutcome outcome =
        run(
            "suite: boom\nbudget: {max_iterations: 1000}\n"
                + "functions: [{name: rosenbrock, dim: 2}]\n"
                + "optimizers: [{name: gd, lr: [10, 1.0e-4]}]\n",
            dir,
            2,
            false);
    RunResult wild = outcome.results().get(0);
    assertEquals(RunStatus.DIVERGED, wild.status());
    assertTrue(wild.error().startsWith("diverged at iteration " + wild.iterations()), wild.error());
    assertEquals(RunStatus.BUDGET_EXHAUSTED, outcome.results().get(1).status());
  }

  @Test
  void theWallClockLimitEndsARunAsTimeout() {
    SuiteOutcome outcome =
        run(
            "suite: slow\nbudget: {max_iterations: 1000000000, max_seconds: 0.2}\n"
                + "functions: [{name: rosenbrock, dim: 1000, start: random}]\n"
                + "optimizers: [{name: gd, lr: 1.0e-7}]\n",
            dir,
            1,
            false);
    assertEquals(RunStatus.TIMEOUT, outcome.results().get(0).status());
  }

  @Test
  void theEvaluationBudgetCountsLineSearchEvaluations() {
    SuiteOutcome outcome =
        run(
            "suite: evals\nbudget: {max_iterations: 1000, max_evaluations: 30}\n"
                + "functions: [{name: rosenbrock, dim: 2}]\n"
                + "optimizers: [{name: lbfgs, line_search: strong_wolfe}]\n",
            dir,
            1,
            false);
    RunResult r = outcome.results().get(0);
    assertTrue(r.evaluations() >= 30, "evaluations " + r.evaluations());
    assertTrue(r.evaluations() > r.iterations() + 1, "L-BFGS evaluates more than once per step");
  }

  @Test
  void listenersSeeTheProtocolInOrder() {
    RunListener listener = mock(RunListener.class);
    Plan plan =
        TestSuites.plan(
            "suite: protocol\nrepeats: 2\nbudget: {max_iterations: 10}\n"
                + "functions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    TestSuites.run(plan, dir, 1, FolderGuard.Mode.NEW, List.of(listener));
    SuiteInfo suite = new SuiteInfo("protocol", dir, 2, 2);
    InOrder order = inOrder(listener);
    order.verify(listener).suiteStarted(suite);
    for (RunSpec spec : plan.runs()) {
      RunInfo info = spec.info();
      order.verify(listener).runStarted(info);
      order.verify(listener, atLeastOnce()).iteration(eq(info), any(Iteration.class));
      order.verify(listener).runFinished(eq(info), any(RunOutcome.class));
    }
    order.verify(listener).suiteFinished(suite);
    verify(listener, times(2)).runStarted(any());
    // iterations 0..10 of each run are all recorded with trace_every = 1
    verify(listener, times(11 * 2)).iteration(any(), any(Iteration.class));
  }

  @Test
  void aListenerThatThrowsFailsOnlyItsRun() {
    RunListener flaky = TestSuites.failingOnRepeat(1);
    Plan plan =
        TestSuites.plan(
            "suite: flaky\nrepeats: 3\nbudget: {max_iterations: 10}\n"
                + "functions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    SuiteOutcome outcome = TestSuites.run(plan, dir, 2, FolderGuard.Mode.NEW, List.of(flaky));
    assertEquals(3, outcome.results().size());
    assertEquals(RunStatus.FAILED, outcome.results().get(1).status());
    assertTrue(outcome.results().get(1).error().contains("listener broke"));
    assertEquals(RunStatus.BUDGET_EXHAUSTED, outcome.results().get(0).status());
  }

  @Test
  void resumeRunsOnlyWhatIsMissing() throws IOException {
    run(SHOOTOUT, dir.resolve("full"), 2, false);
    Path partial = dir.resolve("partial");
    Files.createDirectories(partial);
    List<String> lines = Files.readAllLines(dir.resolve("full/runs.jsonl"));
    Files.write(partial.resolve("runs.jsonl"), lines.subList(0, 10));
    // a torn last line, as a kill in the middle of a write leaves it
    Files.writeString(
        partial.resolve("runs.jsonl"),
        lines.get(10).substring(0, 40),
        java.nio.file.StandardOpenOption.APPEND);
    RunListener counter = mock(RunListener.class);
    Plan plan = TestSuites.plan(SHOOTOUT);
    TestSuites.run(plan, partial, 2, FolderGuard.Mode.RESUME, List.of(counter));
    verify(counter, times(36 - 10)).runStarted(any());
    assertEquals(comparable(dir.resolve("full")), comparable(partial));
    assertEquals(36, Files.readAllLines(partial.resolve("runs.jsonl")).size());
  }

  @Test
  void theListenerProtocolHoldsOnLocalThreads() {
    Plan plan =
        TestSuites.plan(
            "suite: heard\nrepeats: 2\nbudget: {max_iterations: 40}\noutput: {trace_every: 7}\n"
                + "functions: [{name: beale}, {name: sphere, dim: 3, start: random}]\n"
                + "optimizers: [{name: adam, lr: 0.1}, {name: lbfgs}]\n");
    ListenerProtocol protocol = new ListenerProtocol();
    TestSuites.run(plan, dir, 2, FolderGuard.Mode.NEW, List.of(protocol));
    Map<String, List<String>> events = protocol.verify(plan);
    // the listener hears exactly the rows of the trace: iterations 0, 7, …, 35, the last (40) of a
    // run that used its whole budget, and the first row under each target of the ladder
    List<String> adamOnSphere = events.get("f1-sphere_o0-adam_r0");
    List<String> trace = TestSuites.traceLines(dir, "f1-sphere_o0-adam_r0");
    assertEquals(1 + (trace.size() - 1) + 1, adamOnSphere.size(), adamOnSphere.toString());
    List<String> iterations =
        trace.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    assertTrue(
        iterations.containsAll(List.of("0", "7", "14", "21", "28", "35", "40")),
        iterations.toString());
  }
}
