package dev.gradus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.ListenerProtocol;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.cli.Main;
import dev.gradus.runner.pipeline.RunRequest;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.wiring.TestJars;
import dev.gradus.spi.OptimizerProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite with a plugin optimizer runs under Spark's local[2], with the plugin jar reaching the
 * executors through spark.jars, and its results equal those of a local run.
 */
class SparkLocalTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: on-spark
      seed: 5
      repeats: 3
      budget: {max_iterations: 300}
      stop: {target: 1.0e-9}
      functions:
        - name: rosenbrock
          dim: 3
          start: random
        - name: beale
        - name: logistic-regression
          data: {generate: {n: 40, weights: [1.0, -1.0]}, test_fraction: 0.25}
          batch_size: 8
      optimizers:
        - name: sign-descent
          lr: [0.01, 0.001]
        - name: adam
          lr: 0.01
      output: {sharpness_every: 50}
      """;

  /** A summary line without its wall_ms_median, the one column that differs between runs. */
  private static String withoutWallTime(String line) {
    List<String> cells = new ArrayList<>(dev.gradus.runner.results.ResultsFolder.csvCells(line));
    cells.remove(18);
    return String.join("|", cells);
  }

  private static List<String> withoutSeconds(List<String> trace) {
    List<String> out = new ArrayList<>();
    for (String line : trace) {
      String[] cells = line.split(",", -1);
      cells[2] = "";
      out.add(String.join(",", cells));
    }
    return out;
  }

  /** A run's trace lines, gzipped or plain. */
  static final class TraceLines {
    static List<String> of(Path dir, String runId) throws IOException {
      Path file = new dev.gradus.runner.results.ResultsLayout(dir).existingTrace(runId);
      try (java.io.BufferedReader in = dev.gradus.runner.results.ResultsFolder.openTrace(file)) {
        return in.lines().toList();
      }
    }
  }

  @Test
  void aTunedSuiteIsRefusedBeforeAnySparkWork() throws Exception {
    Path suite = dir.resolve("tuned.yaml");
    Files.writeString(
        suite,
        """
        suite: tuned
        tuning: {trials: 2}
        functions:
          - {name: sphere, dim: 2}
        optimizers:
          - {name: adam, lr: {log_uniform: [1.0e-3, 0.1]}}
        """);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                GradusSpark.run(
                    null, suite, dir.resolve("t"), List.of(), 2, FolderGuard.Mode.NEW, false));
    assertTrue(e.getMessage().contains("tunes its optimizers"), e.getMessage());
  }

  private static List<String> lines(Path runs) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(runs)) {
      out.add(
          line.replaceAll("\"wall_ms\":\\d+", "\"wall_ms\":0")
              .replaceAll("\"seconds_to_target\":[0-9.eE-]+", "\"seconds_to_target\":0"));
    }
    out.sort(null);
    return out;
  }

  /** A trace without its seconds column, the one that differs between two executions. */
  private static List<String> withoutSeconds(Path dir, String runId) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : TestSuites.traceLines(dir, runId)) {
      String[] cells = line.split(",", -1);
      cells[2] = "";
      out.add(String.join(",", cells));
    }
    return out;
  }

  private static JavaSparkContext localSpark() {
    return new JavaSparkContext(
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("gradus-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1"));
  }

  /**
   * The listener protocol holds on Spark as on local threads, and listeners see the same events:
   * the driver replays each run's events before its result.
   */
  @Test
  void listenersSeeTheSameEventsOnSparkAsOnLocalThreads() throws Exception {
    String yaml =
        "suite: heard\nrepeats: 2\nbudget: {max_iterations: 40}\noutput: {trace_every: 7}\n"
            + "functions: [{name: beale}, {name: sphere, dim: 3, start: random}]\n"
            + "optimizers: [{name: adam, lr: 0.1}, {name: lbfgs}]\n";
    Path suite = dir.resolve("heard.yaml");
    Files.writeString(suite, yaml);
    Plan plan = TestSuites.plan(yaml);
    ListenerProtocol local = new ListenerProtocol();
    TestSuites.run(plan, dir.resolve("local"), 2, FolderGuard.Mode.NEW, List.of(local));
    ListenerProtocol remote = new ListenerProtocol();
    try (JavaSparkContext spark = localSpark()) {
      SparkExecutor executor =
          new SparkExecutor(spark, yaml, "suite.yaml", Path.of(".").toAbsolutePath().toString(), 3);
      TestSuites.pipeline(List.of(remote))
          .run(
              new RunRequest(
                  plan,
                  plan.runs(),
                  null,
                  dir.resolve("spark"),
                  FolderGuard.Mode.NEW,
                  executor,
                  null,
                  false));
    }
    assertEquals(local.verify(plan), remote.verify(plan));
  }

  @Test
  void aSuiteWithAPluginOnLocalSparkEqualsTheLocalRun() throws Exception {
    Path plugins = dir.resolve("plugins");
    Path jar =
        TestJars.build(
            plugins,
            "sign.jar",
            Map.of("demo.Sign", TestJars.optimizer("demo", "Sign", "sign-descent", "", "")),
            Map.of(OptimizerProvider.class.getName(), "demo.Sign\n"),
            TestJars.manifest("1.0", "1.0"));
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);

    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("gradus-test")
            .set("spark.ui.enabled", "false")
            .set("spark.jars", jar.toUri().toString())
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    SuiteOutcome outcome;
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      outcome =
          GradusSpark.run(
              spark, suite, dir.resolve("spark"), List.of(plugins), 2, FolderGuard.Mode.NEW, true);
    }
    assertTrue(
        Files.exists(dir.resolve("spark/report.html")), "the same pipeline draws the report");
    assertTrue(Files.exists(dir.resolve("spark/suite.yaml")), "and keeps the suite");
    assertEquals(3 * 3 * 3, outcome.results().size());

    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "run",
            suite.toString(),
            "--out",
            dir.resolve("local").toString(),
            "--plugins",
            plugins.toString(),
            "--quiet");
    assertEquals(0, code, err.toString());

    assertEquals(lines(dir.resolve("local/runs.jsonl")), lines(dir.resolve("spark/runs.jsonl")));
    // traces too, held-out and sharpness columns included (the seconds column aside)
    for (RunResult r : outcome.results()) {
      List<String> local = withoutSeconds(TraceLines.of(dir.resolve("local"), r.runId()));
      List<String> remote = withoutSeconds(TraceLines.of(dir.resolve("spark"), r.runId()));
      assertEquals(local, remote, r.runId());
    }
    assertTrue(
        TraceLines.of(dir.resolve("spark"), "f2-logistic-regression_o2-adam_r0")
            .get(0)
            .endsWith(",test_accuracy,sharpness,sharpness_bound"));
    for (String name : new String[] {"summary.csv", "plan.json"}) {
      List<String> local = Files.readAllLines(dir.resolve("local").resolve(name));
      List<String> remote = Files.readAllLines(dir.resolve("spark").resolve(name));
      if (name.equals("summary.csv")) {
        local = local.stream().map(SparkLocalTest::withoutWallTime).toList();
        remote = remote.stream().map(SparkLocalTest::withoutWallTime).toList();
      }
      assertEquals(local, remote, name);
    }
    try (var traces = Files.list(dir.resolve("spark/traces"))) {
      assertEquals(27, traces.count());
    }
    String someRun = "f1-beale_o2-adam_r0";
    assertEquals(
        withoutSeconds(dir.resolve("local"), someRun),
        withoutSeconds(dir.resolve("spark"), someRun));
    assertTrue(lines(dir.resolve("spark/runs.jsonl")).get(0).contains("\"plugins\":{\"sign.jar\""));
  }
}
