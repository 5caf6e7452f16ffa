package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profiles of two configurations on two problems, worked by hand at τ = 0.1.
 *
 * <p>Problem A (function 0, dimension 2): both start at f = 10 and the least value reached is f_L =
 * 0, so the test f₀ − f ≥ 0.9 (f₀ − f_L) asks f ≤ 1. Configuration 0 gets there at its row of 5
 * evaluations, configuration 1 at 2. Problem B (function 1, dimension 1): f₀ = 4, f_L = 0, the test
 * asks f ≤ 0.4; configuration 0 never moves, configuration 1 passes at 6 evaluations.
 *
 * <p>Costs t = [[5, 2], [∞, 6]]. Performance ratios: A 2.5 and 1, B ∞ and 1; so ρ₀ is 0 below α =
 * 2.5 and ½ from there, ρ₁ is 1 from α = 1. Data profile, κ = t / (n + 1): A 5/3 and 2/3, B 6/2 =
 * 3; so d₀ is ½ from κ = 5/3, d₁ is ½ from 2/3 and 1 from 3.
 */
class ProfilePlotsTest {
  private static final ReportRules TAU_TENTH =
      new ReportRules(
          ReportRules.Convergence.GAP,
          ReportRules.EcdfAxis.EVALUATIONS,
          ReportRules.DEFAULT_TARGETS_FROM,
          ReportRules.DEFAULT_TARGETS_TO,
          ReportRules.DEFAULT_TARGETS_STEP,
          0.1);

  private static PlotKind.Input input() {
    return input(TAU_TENTH);
  }

  /** The four hand-made runs, drawn with the given rules. */
  static PlotKind.Input input(ReportRules rules) {
    Map<String, ResultsFolder.Trace> traces = new LinkedHashMap<>();
    List<RunResult> runs =
        List.of(
            run(0, 0, 2, traces, new double[] {1, 3, 5}, new double[] {10, 5, 1}),
            run(0, 1, 2, traces, new double[] {1, 2, 4}, new double[] {10, 1, 0}),
            run(1, 0, 1, traces, new double[] {1, 2}, new double[] {4, 4}),
            run(1, 1, 1, traces, new double[] {1, 3, 6}, new double[] {4, 2, 0}));
    ResultsFolder folder = new ResultsFolder(Path.of("."), runs, traces, List.of(), "");
    return new PlotKind.Input(folder, null, rules, PlotNames.slugs(runs));
  }

  private static RunResult run(
      int function,
      int optimizer,
      int dimension,
      Map<String, ResultsFolder.Trace> traces,
      double[] evaluations,
      double[] f) {
    boolean[] inDomain = new boolean[f.length];
    java.util.Arrays.fill(inDomain, true);
    RunResult r =
        RunResults.sample()
            .run(function, "f" + function, optimizer, optimizer == 0 ? "gd" : "adam")
            .points(new double[dimension], new double[dimension], new double[dimension])
            .build();
    traces.put(
        r.runId(), new ResultsFolder.Trace(evaluations.clone(), evaluations, f, f, inDomain));
    return r;
  }

  @Test
  void costsAreTheEvaluationsToPassTheConvergenceTest() {
    ProfilePlots.Costs costs = ProfilePlots.costs(input());
    assertArrayEquals(new double[] {5, 2}, costs.t()[0]);
    assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 6}, costs.t()[1]);
    assertArrayEquals(new int[] {2, 1}, costs.dimensions());
  }

  @Test
  void theDrawnStaircasesStepWhereTheHandWorkedProfilesDo() {
    List<PlotKind.Drawing> drawn = new ProfilePlots().draw(input());
    Figure.Panel performance = drawn.get(0).figure().panels().get(0);
    assertEquals("performance-profile", drawn.get(0).plot().name());
    assertEquals(0, valueAt(performance.lines().get(0), 2.4));
    assertEquals(0.5, valueAt(performance.lines().get(0), 2.5));
    assertEquals(1, valueAt(performance.lines().get(1), 1));
    Figure.Panel data = drawn.get(1).figure().panels().get(0);
    assertEquals(0, valueAt(data.lines().get(0), 1.6));
    assertEquals(0.5, valueAt(data.lines().get(0), 5 / 3.0));
    assertEquals(0.5, valueAt(data.lines().get(1), 2.9));
    assertEquals(1, valueAt(data.lines().get(1), 3));
  }

  /** The staircase's value at x: the y of its last point at or before x. */
  private static double valueAt(Figure.Line line, double x) {
    double y = Double.NaN;
    for (int k = 0; k < line.x().length; k++) {
      if (line.x()[k] <= x + 1e-12) {
        y = line.y()[k];
      }
    }
    return y;
  }
}
