package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.TestSuites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minibatch loss measures its exact training loss only at the iterations that record or decide
 * something; the run itself, and every row it records, do not depend on which those are.
 */
class SampledLossRunsTest {
  static final String SUITE =
      """
      suite: sampled
      seed: 4
      repeats: 2
      budget: {max_iterations: 40}
      output: {trace_every: EVERY}
      functions:
        - name: logistic-regression
          data: {generate: {n: 50, weights: [1.0, -2.0]}, test_fraction: 0.2}
          batch_size: 8
      optimizers:
        - {name: adam, lr: 0.05}
        - {name: lbfgs, lr: 0.5}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each row by iteration, without its wall time. */
  private static Map<String, String> rows(List<String> trace) {
    Map<String, String> out = new HashMap<>();
    for (String line : trace.subList(1, trace.size())) {
      String[] cells = line.split(",", -1);
      cells[2] = "";
      out.put(cells[0], String.join(",", cells));
    }
    return out;
  }

  @Test
  void aSparseTraceRecordsWhatADenseOneRecordsAtTheSameIterations(@TempDir Path dir)
      throws Exception {
    TestSuites.run(SUITE.replace("EVERY", "1"), dir.resolve("dense"), 1);
    TestSuites.run(SUITE.replace("EVERY", "7"), dir.resolve("sparse"), 1);
    List<String> dense = Files.readAllLines(dir.resolve("dense/runs.jsonl"));
    List<String> sparse = Files.readAllLines(dir.resolve("sparse/runs.jsonl"));
    assertEquals(4, sparse.size());
    for (int i = 0; i < dense.size(); i++) {
      JsonNode a = JSON.readTree(dense.get(i));
      JsonNode b = JSON.readTree(sparse.get(i));
      String run = a.get("run_id").asText();
      for (String field :
          List.of("x_final_sha256", "f_final", "iterations", "evaluations", "test_accuracy")) {
        assertEquals(a.get(field), b.get(field), run + " " + field);
      }
      Map<String, String> all = rows(TestSuites.traceLines(dir.resolve("dense"), run));
      Map<String, String> some = rows(TestSuites.traceLines(dir.resolve("sparse"), run));
      assertEquals(List.of("0", "7", "14", "21", "28", "35", "40").size(), some.size(), run);
      some.forEach((t, row) -> assertEquals(all.get(t), row, run + " row " + t));
      // the best is over the iterations measured: every one densely, the rows sparsely
      double best = Double.POSITIVE_INFINITY;
      for (String row : some.values()) {
        best = Math.min(best, Double.parseDouble(row.split(",")[3]));
      }
      assertEquals(best, b.get("f_best").asDouble(), run);
      assertTrue(a.get("f_best").asDouble() <= best, run);
    }
  }
}
