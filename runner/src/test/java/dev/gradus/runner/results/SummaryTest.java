package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
  static RunResult run(
      int optimizerIndex,
      String optimizer,
      RunStatus status,
      Long toTarget,
      Double finalGap,
      Double bestGap,
      Boolean inDomain,
      long wall) {
    return RunResults.sample()
        .run(0, "sphere", optimizerIndex, optimizer)
        .status(status)
        .iterationsToTarget(toTarget)
        .gaps(finalGap, bestGap)
        .inDomain(inDomain)
        .wallMs(wall)
        .build();
  }

  static RunResult run(
      int optimizerIndex,
      String optimizer,
      RunStatus status,
      Long toTarget,
      Double gap,
      long wall) {
    return run(optimizerIndex, optimizer, status, toTarget, gap, gap, true, wall);
  }

  @Test
  void quantilesInterpolateLinearlyAsNumPyDoes() {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25]
    assertEquals(1.75, Quantiles.linear(List.of(4.0, 1.0, 3.0, 2.0), 0.25), 1e-15);
    assertEquals(2.5, Quantiles.linear(List.of(4.0, 1.0, 3.0, 2.0), 0.5), 1e-15);
    assertEquals(3.25, Quantiles.linear(List.of(4.0, 1.0, 3.0, 2.0), 0.75), 1e-15);
    assertEquals(7.0, Quantiles.linear(List.of(7.0), 0.75));
    assertTrue(Double.isNaN(Quantiles.linear(List.of(), 0.5)));
  }

  @Test
  void heldOutMetricsGetMediansOfTheirOwnOnlyWhenThereAreAny() {
    List<RunResult> runs = new ArrayList<>();
    double[][] metrics = {{0.30, 0.90}, {0.20, 0.95}, {0.50, 0.80}};
    for (double[] m : metrics) {
      runs.add(
          RunResults.sample()
              .run(0, "mlp", 0, "adam")
              .heldOut(Map.of("test_loss", m[0], "test_accuracy", m[1]))
              .build());
    }
    // a diverged run's metrics are not results, and are left out as its gaps are
    runs.add(
        RunResults.sample()
            .run(0, "mlp", 0, "adam")
            .status(RunStatus.DIVERGED)
            .heldOut(Map.of("test_loss", 9.0, "test_accuracy", 0.1))
            .build());
    Summary summary = Summary.of(runs);
    Summary.Row row = summary.rows().get(0);
    // sorted: losses 0.2, 0.3, 0.5 and accuracies 0.8, 0.9, 0.95; the middle ones
    assertEquals(0.30, row.testLossMedian());
    assertEquals(0.90, row.testAccuracyMedian());
    String csv = summary.toCsv();
    assertTrue(csv.startsWith(Summary.HEADER + ",test_loss_median,test_accuracy_median\n"), csv);
    assertTrue(csv.strip().endsWith(",0.3,0.9"), csv);
    String table = summary.toTable(100);
    assertTrue(table.contains("test acc"), table);
    assertTrue(table.contains("0.9000"), table);
    String without = Summary.of(List.of(run(0, "gd", RunStatus.CONVERGED, 3L, 0.0, 1))).toCsv();
    assertTrue(without.startsWith(Summary.HEADER + "\n"), without);
    assertTrue(
        !Summary.of(List.of(run(0, "gd", RunStatus.CONVERGED, 3L, 0.0, 1)))
            .toTable(100)
            .contains("test acc"));
  }

  @Test
  void groupsByConfigurationAndCountsOutcomes() {
    List<RunResult> runs = new ArrayList<>();
    runs.add(run(0, "adam", RunStatus.CONVERGED, 10L, 1e-9, 5));
    runs.add(run(0, "adam", RunStatus.CONVERGED, 30L, 3e-9, 7));
    runs.add(run(0, "adam", RunStatus.DIVERGED, null, null, 24.2, null, 9));
    runs.add(run(1, "gd", RunStatus.BUDGET_EXHAUSTED, null, 0.5, 1));
    Summary summary = Summary.of(runs);
    assertEquals(2, summary.rows().size());
    Summary.Row adam = summary.rows().get(0);
    assertEquals(3, adam.runs());
    assertEquals(2, adam.converged());
    assertEquals(1, adam.diverged());
    assertEquals(2 / 3.0, adam.successRate(), 1e-15);
    assertEquals(20.0, adam.iterationsToTargetMedian());
    assertEquals(10.0, adam.iterationsToTargetIqr()); // quartiles 15 and 25
    assertEquals(2e-9, adam.finalGapMedian(), 1e-24);
    // the diverged run's best gap (its start, 24.2) is not a result
    assertEquals(2e-9, adam.bestGapMedian(), 1e-24);
    assertEquals(7.0, adam.wallMsMedian());
    Summary.Row gd = summary.rows().get(1);
    assertTrue(Double.isNaN(gd.iterationsToTargetMedian()));
    String csv = summary.toCsv();
    assertTrue(csv.startsWith(Summary.HEADER + "\n"));
    assertTrue(csv.contains("\n0,1,sphere,gd,1,0,1,0,0,0,0,0.0,,,0.5,0.0,0.5,0.0,1.0\n"), csv);
  }

  @Test
  void formulaLikeUserTextIsNeutralisedInCsv() {
    assertEquals("'=HYPERLINK(1)", Csv.cell("=HYPERLINK(1)"));
    assertEquals("'-x", Csv.cell("-x"));
    assertEquals("\"a,b\"", Csv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("adam lr=0.01", Csv.cell("adam lr=0.01"));
  }

  @Test
  void largePointsAreHashedInsteadOfWritten() {
    double[] big = new double[RunRecords.MAX_WRITTEN_COORDINATES + 1];
    big[5] = 1.5;
    RunResult r =
        RunResults.sample()
            .run(0, "f", 0, "o")
            .counts(1, 2)
            .points(big, big, big)
            .values(1.0, 1.0)
            .build();
    String json = RunRecords.toJson(r);
    assertTrue(json.length() < 2000, "line stays small: " + json.length());
    RunResult back = RunRecords.fromJson(json);
    assertNull(back.xFinal());
    double[] other = big.clone();
    other[5] = Math.nextUp(1.5);
    assertTrue(json.contains(RunRecords.sha256(big)));
    assertTrue(
        !RunRecords.sha256(big).equals(RunRecords.sha256(other)), "one bit changes the hash");
  }

  @Test
  void recordsRoundTripBitForBit() {
    RunResult r =
        RunResults.sample()
            .seed(-5, 3)
            .run(2, "f", 1, "adam")
            .labels("f label", "adam lr=0.1")
            .hyperparameters(Map.of("lr", 0.1))
            .status(RunStatus.CONVERGED)
            .counts(7, 9)
            .points(
                new double[] {0.1, 1e-300},
                new double[] {Math.PI, -0.0},
                new double[] {Math.PI, -0.0})
            .inDomain(false)
            .values(Math.E, Math.E)
            .distance(0.25, 1e-12)
            .gaps(2e-9, 1e-9)
            .iterationsToTarget(4L)
            .wallMs(12)
            .error(null, "failures/x.txt")
            .resumedFrom(5L)
            .build();
    RunResult back = RunRecords.fromJson(RunRecords.toJson(r));
    assertEquals(RunRecords.toJson(r), RunRecords.toJson(back));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.xFinal()[1]));
    assertEquals(Math.PI, back.xFinal()[0]);
  }

  @Test
  void theTableFitsItsWidthGroupedByFunction() {
    List<RunResult> runs = new ArrayList<>();
    String longLabel =
        "adam lr=0.01 schedule=cosine(t_max=2000) clip_grad_norm=10 betas=[0.9,0.99]";
    for (int o = 0; o < 3; o++) {
      runs.add(
          RunResults.sample()
              .run(0, "sphere", o, "adam")
              .labels("sphere dim=2 start=random", longLabel + " #" + o)
              .build());
    }
    String table = new Summary(Summary.of(runs).rows()).toTable(100);
    for (String line : table.lines().toList()) {
      assertTrue(line.length() <= 100, line.length() + ": " + line);
    }
    List<String> lines = table.lines().toList();
    assertTrue(lines.get(0).startsWith("#    optimizer"), lines.get(0));
    assertEquals("sphere dim=2 start=random", lines.get(2), "the function heads its rows");
    assertTrue(lines.get(3).startsWith("0.0  adam lr=0.01"), lines.get(3));
    assertTrue(
        lines.get(3).contains("…"), "a label too long for the width is cut: " + lines.get(3));
    assertEquals(6, lines.size(), "header, rule, one function line and three rows");
  }
}
