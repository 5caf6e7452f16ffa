package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.runner.plan.ReportRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's report: choices reach the plots (on the hand-made runs of ProfilePlotsTest). */
class PlotOptionsTest {
  private static ReportRules rules(ReportRules.Convergence c, ReportRules.EcdfAxis x) {
    return new ReportRules(c, x, 1, -1, 1, 0.1);
  }

  @Test
  void convergenceShowsTheGapOrFAsTheSuiteAsks() {
    var gap =
        new ConvergencePlots()
            .draw(
                ProfilePlotsTest.input(
                    rules(ReportRules.Convergence.GAP, ReportRules.EcdfAxis.EVALUATIONS)));
    var f =
        new ConvergencePlots()
            .draw(
                ProfilePlotsTest.input(
                    rules(ReportRules.Convergence.F, ReportRules.EcdfAxis.EVALUATIONS)));
    assertEquals("f - f*", gap.get(0).figure().panels().get(0).y().title());
    assertEquals("f", f.get(0).figure().panels().get(0).y().title());
    assertEquals("convergence-iterations-f0", f.get(0).plot().name());
  }

  @Test
  void ecdfsDivideEvaluationsByTheDimensionWhenAsked() {
    List<PlotKind.Drawing> plain =
        new EcdfPlot()
            .draw(
                ProfilePlotsTest.input(
                    rules(ReportRules.Convergence.GAP, ReportRules.EcdfAxis.EVALUATIONS)));
    List<PlotKind.Drawing> perDimension =
        new EcdfPlot()
            .draw(
                ProfilePlotsTest.input(
                    rules(
                        ReportRules.Convergence.GAP,
                        ReportRules.EcdfAxis.EVALUATIONS_PER_DIMENSION)));
    // per function, then pooled
    assertEquals(
        List.of("ecdf-f0", "ecdf-f1", "ecdf"),
        perDimension.stream().map(d -> d.plot().name()).toList());
    Figure.Panel a = plain.get(0).figure().panels().get(0);
    Figure.Panel b = perDimension.get(0).figure().panels().get(0);
    assertEquals("evaluations", a.x().title());
    assertEquals("evaluations / dimension", b.x().title());
    // function 0 has dimension 2; targets 10, 1, 0.1; configuration 1 (f 10, 1, 0 at 1, 2, 4
    // evaluations) reaches 10 at 1 evaluation, 1 at 2, 0.1 at 4: steps at 1, 2, 4, or 0.5, 1, 2
    Figure.Line adam = a.lines().get(1);
    Figure.Line adamPerDimension = b.lines().get(1);
    assertArrayEquals(
        new double[] {1, 1, 2, 2, 4, 4}, java.util.Arrays.copyOfRange(adam.x(), 1, 7));
    assertArrayEquals(
        new double[] {0.5, 0.5, 1, 1, 2, 2},
        java.util.Arrays.copyOfRange(adamPerDimension.x(), 1, 7));
    assertArrayEquals(
        new double[] {0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1},
        java.util.Arrays.copyOfRange(adam.y(), 1, 7),
        1e-12);
  }
}
