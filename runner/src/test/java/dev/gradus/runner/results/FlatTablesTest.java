package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.run.RunResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.csv and traces.csv.gz: what pandas, polars and DuckDB read with no preprocessing. */
class FlatTablesTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: flat
      repeats: 2
      budget: {max_iterations: 12}
      output: {trace_every: 5}
      functions:
        - {name: rosenbrock, dim: 2}
      optimizers:
        - {name: gd, lr: [1.0e-3, 2.0e-3]}
        - {name: adam, lr: 0.01, betas: [0.8, 0.9]}
      """;

  @Test
  void runsCsvHasAColumnPerParameterNamedAsInTheSuite() throws Exception {
    SuiteOutcome outcome = TestSuites.run(SUITE, dir, 2);
    List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
    List<String> header = ResultsFolder.csvCells(lines.get(0));
    assertEquals(List.of("run_id", "function_index", "optimizer_index"), header.subList(0, 3));
    for (String column : List.of("dim", "lr", "betas", "status", "final_gap", "best_gap")) {
      assertTrue(header.contains(column), column + " in " + header);
    }
    assertEquals(1 + 6, lines.size(), "a row per run");
    for (RunResult r : outcome.results()) {
      List<String> row =
          lines.stream()
              .skip(1)
              .map(ResultsFolder::csvCells)
              .filter(cells -> cells.get(0).equals(r.runId()))
              .findFirst()
              .orElseThrow();
      assertEquals(Integer.toString(r.optimizerIndex()), row.get(2));
      assertEquals(r.hyperparameters().get("lr").toString(), row.get(header.indexOf("lr")));
      assertEquals(r.status().id(), row.get(header.indexOf("status")));
      assertEquals(r.bestGap().toString(), row.get(header.indexOf("best_gap")));
    }
    String adam = lines.stream().filter(l -> l.contains("_o2-adam_")).findFirst().orElseThrow();
    assertTrue(adam.contains("\"[0.8,0.9]\""), "a list is one JSON cell: " + adam);
  }

  @Test
  void tracesCsvGzHoldsEveryTraceRowInLongForm() throws Exception {
    SuiteOutcome outcome = TestSuites.run(SUITE, dir, 2);
    List<String> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("traces.csv.gz"))),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows.add(line);
      }
    }
    assertEquals(
        "run_id,function_index,optimizer_index,repeat,iteration,evaluations,seconds,f,f_gap,"
            + "grad_norm,step_norm,lr,in_domain,train_loss,test_loss,test_accuracy,sharpness,"
            + "sharpness_bound",
        rows.get(0));
    int expected = 0;
    for (RunResult r : outcome.results()) {
      List<String> trace = dev.gradus.runner.TestSuites.traceLines(dir, r.runId());
      expected += trace.size() - 1;
      List<String> iterations =
          trace.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
      assertTrue(iterations.containsAll(List.of("0", "5", "10", "12")), iterations.toString());
      String firstRow =
          r.runId()
              + ","
              + r.functionIndex()
              + ","
              + r.optimizerIndex()
              + ","
              + r.repeat()
              + ","
              + trace.get(1)
              + ",,,,,"; // these functions hold no data out, and the suite tracks no sharpness
      assertTrue(rows.contains(firstRow), firstRow);
    }
    assertEquals(expected, rows.size() - 1, "every row of every trace");
  }

  /**
   * gd with lr 0.1 on x² from x = 1: x_t = 0.8^t, f = 0.64^t, and row t has t + 1 evaluations. f ≤
   * 1e2 at row 0 (1 evaluation); f ≤ 1e-2 first at t = 11 (0.64^11 = 0.0074; 0.64^10 = 0.0115), 12
   * evaluations; f ≤ 1e-8 needs t = 42, beyond the budget of 20 steps: no success.
   */
  @Test
  void ertTableWorkedByHand() throws Exception {
    TestSuites.run(
        "suite: ert\nrepeats: 2\nbudget: {max_iterations: 20}\n"
            + "functions: [{name: sphere, dim: 1, start: [1.0]}]\n"
            + "optimizers: [{name: gd, lr: 0.1}]\n",
        dir,
        1);
    List<String> lines = Files.readAllLines(dir.resolve("tables/ert.csv"));
    assertEquals(ErtTable.HEADER, lines.get(0));
    assertEquals(1 + 51, lines.size(), "one row per target of the ladder");
    List<String> first = ResultsFolder.csvCells(lines.get(1));
    assertEquals(
        List.of("0", "0", "sphere dim=1", "gd lr=0.1", "100", "2", "2", "1.0", "1.0", "1.0"),
        first);
    List<String> hundredth = ResultsFolder.csvCells(lines.get(1 + 20));
    assertEquals("0.01", hundredth.get(4));
    assertEquals("12.0", hundredth.get(7));
    List<String> last = ResultsFolder.csvCells(lines.get(51));
    assertEquals("1e-8", last.get(4));
    assertEquals("0", last.get(6), "no run reached 1e-8");
    assertEquals("inf", last.get(7));
  }

  /** The same run as above on the suite's own ladder: 1, 10^-0.5, …, 10^-4. */
  @Test
  void ertTablesFollowTheSuitesTargetLadder() throws Exception {
    TestSuites.run(
        "suite: ert\nrepeats: 2\nbudget: {max_iterations: 20}\n"
            + "functions: [{name: sphere, dim: 1, start: [1.0]}]\n"
            + "optimizers: [{name: gd, lr: 0.1}]\n"
            + "report: {targets: {from: 0, to: -4, step: 0.5}}\n",
        dir,
        1);
    List<String> lines = Files.readAllLines(dir.resolve("tables/ert.csv"));
    assertEquals(1 + 9, lines.size(), "one row per target of the suite's ladder");
    List<String> targets = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      targets.add(ResultsFolder.csvCells(line).get(4));
    }
    assertEquals(
        List.of("1", "0.3162", "0.1", "0.03162", "0.01", "0.003162", "0.001", "3.162e-4", "1e-4"),
        targets);
    // f = 0.64^t ≤ 1e-2 first at t = 11: 12 evaluations, as on COCO's ladder
    assertEquals("12.0", ResultsFolder.csvCells(lines.get(5)).get(7));
    // the paper tables keep the whole decades: 1, 0.1, 0.01, 0.001, 1e-4
    String md = Files.readString(dir.resolve("tables/ert.md"));
    assertEquals(5, md.lines().filter(l -> l.matches("\\| [0-9.e-]+ \\|.*")).count(), md);
    assertTrue(md.contains("| 0.001 |") && !md.contains("| 0.0316 |"), md);
    // and suite.resolved.yaml keeps the ladder for a report drawn later without the suite
    String resolved = Files.readString(dir.resolve("suite.resolved.yaml"));
    assertTrue(resolved.contains("targets:") && resolved.contains("step: 0.5"), resolved);
    // a report drawn without the plan reads the ladder from there: its ECDF counts 9 targets
    String page = Files.readString(dev.gradus.runner.report.ReportWriter.write(dir, null));
    assertTrue(page.contains("\"targets\":9"), "the report's ECDF is not on the suite's ladder");
    assertFalse(page.contains("\"targets\":51"));
  }

  /** `gradus report` after the kept suite's report.targets changed: tables and charts follow. */
  @Test
  void theReportCommandRedrawsTheTablesOnTheKeptSuitesLadder() throws Exception {
    String suite =
        "suite: ert\nrepeats: 2\nbudget: {max_iterations: 20}\n"
            + "functions: [{name: sphere, dim: 1, start: [1.0]}]\n"
            + "optimizers: [{name: gd, lr: 0.1}]\n";
    TestSuites.run(suite, dir, 1);
    assertEquals(1 + 51, Files.readAllLines(dir.resolve("tables/ert.csv")).size());
    Files.writeString(
        dir.resolve("suite.yaml"), suite + "report: {targets: {from: 0, to: -4, step: 0.5}}\n");
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        dev.gradus.runner.cli.Main.run(
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true),
            "report",
            dir.toString());
    assertEquals(0, code, err.toString());
    assertEquals(1 + 9, Files.readAllLines(dir.resolve("tables/ert.csv")).size());
    String page = Files.readString(dir.resolve("report.html"));
    assertTrue(page.contains("\"targets\":9"), "the report's charts use the same ladder");
  }
}
