package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.results.FlatTables;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.TraceWriter;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
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

/** Held-out metrics in the traces, at the interval the suite sets, and at the last row. */
class HeldOutTracesTest {
  static final String SUITE =
      """
      suite: held-out
      seed: 3
      budget: {max_iterations: 13}
      output: {trace_every: 2OUTPUT}
      functions:
        - name: logistic-regression
          data: {generate: {n: 60, weights: [1.0, -1.0]}, test_fraction: 0.25}
          batch_size: 8
        - {name: sphere, dim: 2}
      optimizers:
        - {name: gd, lr: 0.1}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The rows of the logistic regression's trace, header first. */
  private static List<String> trace(Path dir, String output) {
    TestSuites.run(SUITE.replace("OUTPUT", output), dir, 1);
    return TestSuites.traceLines(dir, "f0-logistic-regression_o0-gd_r0");
  }

  /** The iterations whose rows have held-out metrics, checking they have all three or none. */
  private static List<Long> withMetrics(List<String> lines) {
    List<Long> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(12, cells.length, line);
      boolean any = !cells[9].isEmpty() || !cells[10].isEmpty() || !cells[11].isEmpty();
      boolean all = !cells[9].isEmpty() && !cells[10].isEmpty() && !cells[11].isEmpty();
      assertEquals(any, all, line);
      if (all) {
        out.add(Long.parseLong(cells[0]));
      }
    }
    return out;
  }

  @Test
  void byDefaultEveryScheduledRowAndTheLastHaveThem(@TempDir Path dir) throws Exception {
    List<String> lines = trace(dir, "");
    assertEquals(TraceWriter.HEADER_WITH_HELD_OUT, lines.get(0));
    assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L, 12L, 13L), withMetrics(lines));
    // the last row's metrics are the record's
    JsonNode record =
        JSON.readTree(Files.readAllLines(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8).get(0));
    String[] last = lines.get(lines.size() - 1).split(",", -1);
    assertEquals(record.get("test_accuracy").asDouble(), Double.parseDouble(last[11]));
    assertEquals(record.get("test_loss").asDouble(), Double.parseDouble(last[10]));
    // a function without held-out data keeps the plain columns
    assertEquals(TraceWriter.HEADER, TestSuites.traceLines(dir, "f1-sphere_o0-gd_r0").get(0));
    // traces.csv.gz has the held-out columns for every run, empty for the sphere's
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(new ResultsLayout(dir).tracesCsv())),
                StandardCharsets.UTF_8))) {
      List<String> flat = in.lines().toList();
      assertEquals(FlatTables.TRACES_HEADER, flat.get(0));
      int columns = FlatTables.TRACES_HEADER.split(",").length;
      for (String row : flat) {
        assertEquals(columns, row.split(",", -1).length, row);
      }
      assertTrue(flat.get(flat.size() - 1).startsWith("f1-sphere_o0-gd_r0,"));
      assertTrue(flat.get(flat.size() - 1).endsWith(",,,"));
    }
  }

  @Test
  void anIntervalOfItsOwnAddsRows(@TempDir Path dir) {
    List<String> lines = trace(dir, ", held_out_every: 5");
    assertEquals(List.of(0L, 5L, 10L, 13L), withMetrics(lines));
    List<Long> rows = new ArrayList<>();
    lines.subList(1, lines.size()).forEach(l -> rows.add(Long.parseLong(l.split(",")[0])));
    assertEquals(List.of(0L, 2L, 4L, 5L, 6L, 8L, 10L, 12L, 13L), rows);
  }

  @Test
  void zeroLeavesThemToTheRecord(@TempDir Path dir) throws Exception {
    List<String> lines = trace(dir, ", held_out_every: 0");
    assertEquals(TraceWriter.HEADER, lines.get(0));
    String record = Files.readAllLines(dir.resolve("runs.jsonl")).get(0);
    assertTrue(record.contains("\"test_accuracy\":"), record);
  }

  @Test
  void aResumedTraceKeepsItsColumns(@TempDir Path dir) throws Exception {
    ResultsLayout layout = new ResultsLayout(dir);
    RunInfo run = new RunInfo("f0-x_o0-gd_r0", "x", "x", "gd", "gd", 0, 1, 0, 0);
    TraceWriter first = new TraceWriter(layout);
    first.runStarted(run);
    for (int t = 0; t < 4; t++) {
      first.iteration(run, new Iteration(t, t + 1, 0, 1, 1, 1, 0, 0.1, true, 0.5, 0.6, 0.75));
    }
    first.closeAll();
    TraceWriter second = new TraceWriter(layout);
    second.resumeAt(run.runId(), 2);
    second.runStarted(run);
    second.iteration(run, new Iteration(2, 3, 0, 1, 1, 1, 0, 0.1, true));
    second.closeAll();
    List<String> lines = Files.readAllLines(layout.trace(run.runId()), StandardCharsets.UTF_8);
    assertEquals(TraceWriter.HEADER_WITH_HELD_OUT, lines.get(0));
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(1).endsWith(",0.5,0.6,0.75"), lines.get(1));
    assertTrue(lines.get(3).startsWith("2,3,"), lines.get(3));
    assertTrue(lines.get(3).endsWith(",true,,,"), lines.get(3));
  }
}
