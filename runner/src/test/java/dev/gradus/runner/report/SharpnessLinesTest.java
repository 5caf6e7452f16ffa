package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SharpnessLines}, {@link SharpnessPlots} and {@link SharpnessChart} on hand-made traces.
 */
class SharpnessLinesTest {
  private static final double N = Double.NaN;

  private final Map<String, ResultsFolder.Trace> traces = new LinkedHashMap<>();

  private RunResult run(int optimizer, int repeat, double[] iteration, double[] lr, double[] s) {
    RunResult r =
        RunResults.sample()
            .run(0, "f", optimizer, optimizer == 0 ? "gd" : "adam")
            .seed(repeat, repeat)
            .build();
    int n = iteration.length;
    boolean[] in = new boolean[n];
    java.util.Arrays.fill(in, true);
    double[] f = new double[n];
    double[] bound = s.clone();
    traces.put(
        r.runId(),
        new ResultsFolder.Trace(iteration, iteration.clone(), f, f.clone(), in, lr, s, bound));
    return r;
  }

  /**
   * gd (lr 0.1, so 2/lr = 20), two runs: A measured at 0, 2, 4 (and not at 1, 3), B at 0, 2 and at
   * its last row 3. Medians by hand: iteration 0 of {5, 3} is 4; 2 of {7, 11} is 9; 3 only B's 4; 4
   * only A's 9. adam, a schedule, lr 0.5 then 0.25: sharpness 1, 2 and an infinite third left out.
   */
  private List<RunResult> runs() {
    return List.of(
        run(
            0,
            0,
            new double[] {0, 1, 2, 3, 4},
            new double[] {N, 0.1, 0.1, 0.1, 0.1},
            new double[] {5, N, 7, N, 9}),
        run(0, 1, new double[] {0, 2, 3}, new double[] {N, 0.1, 0.1}, new double[] {3, 11, 4}),
        run(
            1,
            0,
            new double[] {0, 1, 2},
            new double[] {N, 0.5, 0.25},
            new double[] {1, 2, Double.POSITIVE_INFINITY}));
  }

  @Test
  void mediansAndThresholdsByHand() {
    List<SharpnessLines.Line> lines = SharpnessLines.of(runs(), traces);
    assertEquals(2, lines.size());
    SharpnessLines.Line gd = lines.get(0);
    assertArrayEquals(new double[] {0, 2, 3, 4}, gd.iteration());
    assertArrayEquals(new double[] {4, 9, 4, 9}, gd.sharpness());
    assertArrayEquals(new double[] {N, 20, 20, 20}, gd.threshold());
    assertArrayEquals(new int[] {2, 2, 1, 1}, gd.runs());
    SharpnessLines.Line adam = lines.get(1);
    assertArrayEquals(new double[] {0, 1}, adam.iteration());
    assertArrayEquals(new double[] {1, 2}, adam.sharpness());
    assertArrayEquals(new double[] {N, 4}, adam.threshold());
    assertTrue(adam.hasThreshold());
  }

  @Test
  void tracesWithoutSharpnessGiveNoLines() {
    RunResult r = RunResults.sample().run(0, "f", 0, "gd").build();
    double[] one = {0};
    traces.put(r.runId(), new ResultsFolder.Trace(one, one, one, one, new boolean[] {true}));
    assertTrue(SharpnessLines.of(List.of(r), traces).isEmpty());
    ResultsFolder folder = new ResultsFolder(Path.of("."), List.of(r), traces, List.of(), "");
    assertTrue(
        new SharpnessPlots()
            .draw(new PlotKind.Input(folder, null, null, PlotNames.slugs(List.of(r))))
            .isEmpty());
    assertEquals(null, SharpnessChart.of("s", List.of(r), folder, new Style(List.of(r))));
  }

  @Test
  void thePlotDrawsEachMedianWithItsThresholdDashed() {
    List<RunResult> runs = runs();
    ResultsFolder folder = new ResultsFolder(Path.of("."), runs, traces, List.of(), "");
    List<PlotKind.Drawing> drawings =
        new SharpnessPlots().draw(new PlotKind.Input(folder, null, null, PlotNames.slugs(runs)));
    assertEquals(1, drawings.size());
    PlotKind.Drawing d = drawings.get(0);
    assertEquals("sharpness-iterations-f", d.plot().name());
    Figure.Panel panel = d.figure().panels().get(0);
    List<Figure.Line> lines = panel.lines();
    assertEquals(4, lines.size());
    assertEquals(Figure.Kind.MAIN, lines.get(0).kind());
    assertEquals(Figure.Kind.QUARTILE, lines.get(1).kind());
    assertArrayEquals(new double[] {N, 20, 20, 20}, lines.get(1).y());
    assertEquals(lines.get(0).configuration(), lines.get(1).configuration());
    // every value positive: a log axis over whole decades from 1 to 20
    assertEquals(Figure.Scale.LOG10, panel.y().scale());
    assertEquals(1, panel.y().min());
    assertEquals(100, panel.y().max());
    assertEquals(4, panel.x().max());
    assertTrue(panel.note().contains("2/lr"), panel.note());
    // the page's chart has the same points, NaN left out, and counts both series of each line
    ChartSpec chart = SharpnessChart.of("sharpness-f0", runs, folder, new Style(runs));
    assertEquals(4, chart.series());
    assertEquals("sharpness", chart.kind());
    List<?> series = (List<?>) chart.data().get("series");
    Map<?, ?> gd = (Map<?, ?>) series.get(0);
    List<?> threshold = (List<?>) gd.get("threshold");
    assertEquals(3, threshold.size());
    assertArrayEquals(new double[] {2, 20}, (double[]) threshold.get(0));
    assertEquals(4, ((List<?>) gd.get("points")).size());
    assertEquals(true, chart.data().get("yLog"));
  }

  @Test
  void aNegativeSharpnessGetsALinearAxis() {
    RunResult r = run(0, 0, new double[] {0, 1}, new double[] {N, 0.1}, new double[] {-3, 2});
    PlotKind.Drawing d = SharpnessPlots.drawing("x", "x", SharpnessLines.of(List.of(r), traces));
    Figure.Panel panel = d.figure().panels().get(0);
    assertEquals(Figure.Scale.LINEAR, panel.y().scale());
    assertTrue(panel.y().min() < -3 && panel.y().max() > 20, panel.y().toString());
    assertFalse(panel.note().isEmpty());
  }
}
