package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.results.RunRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A regression with a test split records its held-out metrics in runs.jsonl and runs.csv. */
class HeldOutRecordsTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: held-out
      seed: 2
      budget: {max_iterations: 200}
      functions:
        - name: logistic-regression
          data: {dataset: breast-cancer, test_fraction: 0.2}
        - name: linear-regression
      optimizers:
        - {name: adam, lr: 0.05}
      """;

  @Test
  void theFinalPointsMetricsAreRecorded() throws Exception {
    var outcome = TestSuites.run(SUITE, dir.resolve("out"), 2);
    RunResult logistic = outcome.results().get(0);
    assertEquals(
        List.of("train_loss", "test_loss", "test_accuracy"),
        List.copyOf(logistic.heldOut().keySet()));
    // a full-batch objective: the training loss is f at the final point
    assertEquals(logistic.fFinal(), logistic.heldOut().get("train_loss"), 0.0);
    double accuracy = logistic.heldOut().get("test_accuracy");
    assertTrue(accuracy > 0.9 && accuracy <= 1, "test accuracy " + accuracy);
    assertTrue(logistic.heldOut().get("test_loss") < Math.log(2));
    RunResult linear = outcome.results().get(1);
    assertTrue(linear.heldOut().isEmpty());

    // runs.jsonl is in the order runs ended
    List<String> lines = Files.readAllLines(dir.resolve("out").resolve("runs.jsonl"));
    String logisticLine =
        lines.stream().filter(l -> l.contains(logistic.runId())).findFirst().orElseThrow();
    String linearLine =
        lines.stream().filter(l -> l.contains(linear.runId())).findFirst().orElseThrow();
    assertTrue(logisticLine.contains("\"test_accuracy\":" + accuracy), logisticLine);
    assertEquals(logistic.heldOut(), RunRecords.fromJson(logisticLine).heldOut());
    assertTrue(!linearLine.contains("test_accuracy"), linearLine);

    List<String> csv = Files.readAllLines(dir.resolve("out").resolve("runs.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    // the held-out columns come last (cells before them may hold quoted commas)
    assertEquals(
        List.of("train_loss", "test_loss", "test_accuracy"),
        header.subList(header.size() - 3, header.size()));
    assertTrue(csv.get(1).endsWith("," + accuracy), csv.get(1));
    assertTrue(csv.get(2).endsWith(",,,"), csv.get(2));
  }
}
