package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradus.runner.RunResults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small parts plots are made of: tick labels, axis ranges, styles, facets, file names. */
class FigurePartsTest {
  @Test
  void ticksReadAsDecadesOrThreeDigits() {
    assertEquals("1", TickLabels.label(1, 10));
    assertEquals("0.001", TickLabels.label(1e-3, 10));
    assertEquals("1000", TickLabels.label(1e3, 10));
    assertEquals("1e-8", TickLabels.label(1e-8, 10));
    assertEquals("1e6", TickLabels.label(1e6, 10));
    assertEquals("1e-300", TickLabels.label(1e-300, 10));
    assertEquals("1024", TickLabels.label(1024, 2));
    assertEquals("0.125", TickLabels.label(0.125, 2));
    assertEquals("2^11", TickLabels.label(2048, 2));
    // the axis label of the issue: an evaluation grid at 402.2110552763819
    assertEquals("402", TickLabels.label(402.2110552763819, 10));
    assertEquals("3.16", TickLabels.label(Math.sqrt(10), 10));
    assertEquals("1.23e7", TickLabels.label(12_345_678, 10));
    assertEquals("0", TickLabels.label(0, 10));
    assertEquals("-0.5", TickLabels.plain(-0.5));
  }

  @Test
  void logRangesSpanWholeDecadesAndNeverDegenerate() {
    assertArrayEquals(new double[] {1e-3, 100}, AxisRanges.log(0.002, 50, 10), 1e-15);
    // a constant (the ackley lr plot of the issue): one decade either side
    assertArrayEquals(new double[] {1e-6, 1e-4}, AxisRanges.log(1e-5, 1e-5, 10), 1e-20);
    assertArrayEquals(new double[] {0.1, 10}, AxisRanges.log(Double.NaN, Double.NaN, 10), 1e-15);
    assertArrayEquals(new double[] {1, 4}, AxisRanges.log(1, 3, 2), 0);
    assertArrayEquals(new double[] {-0.5, 10.5}, AxisRanges.linear(0, 10), 1e-12);
    assertArrayEquals(new double[] {4, 6}, AxisRanges.linear(5, 5), 1e-12);
    assertArrayEquals(new double[] {0, 1}, AxisRanges.count(0), 0);
  }

  @Test
  void axesRefuseRangesNoPlotCanShow() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Figure.Axis("f", Figure.Scale.LOG10, 0, 1, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Figure.Axis("f", Figure.Scale.LINEAR, 1, 1, false));
  }

  @Test
  void sixteenConfigurationsOfFourOptimizersGetFourColoursAndDistinctLooks() {
    List<Map.Entry<Integer, String>> configurations = new ArrayList<>();
    String[] optimizers = {"gd", "momentum", "adam", "rmsprop"};
    for (int k = 0; k < 16; k++) {
      configurations.add(Map.entry(k, optimizers[k / 4]));
    }
    Palette palette = Palette.of(configurations);
    Set<Object> colours = new HashSet<>();
    Set<List<Object>> looks = new HashSet<>();
    for (int k = 0; k < 16; k++) {
      Palette.Style s = palette.style(optimizers[k / 4], k);
      if (k % 4 == 0) {
        colours.add(s.colour());
      }
      looks.add(List.of(s.colour(), s.stroke()));
    }
    assertEquals(4, colours.size());
    assertEquals(16, looks.size(), "two configurations look alike");
    // within an optimizer the colour stays, the dash changes
    assertEquals(palette.style("gd", 0).colour(), palette.style("gd", 1).colour());
    assertNotEquals(palette.style("gd", 0).stroke(), palette.style("gd", 1).stroke());
  }

  @Test
  void aSweepOfOneOptimizerGetsAColourPerConfiguration() {
    Palette palette =
        Palette.of(List.of(Map.entry(0, "gd"), Map.entry(1, "gd"), Map.entry(2, "gd")));
    assertNotEquals(palette.style("gd", 0).colour(), palette.style("gd", 1).colour());
    assertEquals(palette.style("gd", 0).stroke(), palette.style("gd", 2).stroke(), "all solid");
  }

  @Test
  void manyConfigurationsSplitIntoOnePanelPerOptimizerOnSharedAxes() {
    Figure.Axis x = new Figure.Axis("x", Figure.Scale.LINEAR, 0, 1, false);
    Figure.Axis y = new Figure.Axis("y", Figure.Scale.LINEAR, 0, 1, false);
    List<Figure.Line> lines = new ArrayList<>();
    lines.add(
        new Figure.Line("contour", null, -1, Figure.Kind.CONTOUR, new double[1], new double[1]));
    for (int k = 0; k < 13; k++) {
      lines.add(
          new Figure.Line(
              "c" + k, k < 7 ? "gd" : "adam", k, Figure.Kind.MAIN, new double[1], new double[1]));
    }
    List<Figure.Panel> panels = Facets.split(new Figure.Panel("", x, y, lines, "note"));
    assertEquals(2, panels.size());
    assertEquals("gd", panels.get(0).title());
    assertEquals(1 + 7, panels.get(0).lines().size(), "the contour appears in every panel");
    assertEquals(1 + 6, panels.get(1).lines().size());
    assertEquals(x, panels.get(1).x());
    assertEquals("", panels.get(0).note());
    assertEquals("note", panels.get(1).note(), "the figure's note, once, under the last panel");
    assertEquals(
        1, Facets.split(new Figure.Panel("", x, y, lines.subList(0, 13), "")).size(), "12 fit");
  }

  @Test
  void plotNamesComeFromLabelsAndStayDistinct() {
    assertEquals("rosenbrock-dim2", PlotNames.slug("rosenbrock dim=2"));
    assertEquals("rosenbrock-dim2-start-1.2-1", PlotNames.slug("rosenbrock dim=2 start=[-1.2,1]"));
    assertEquals("function", PlotNames.slug("∑∑"));
    var runs =
        List.of(
            RunResults.sample().run(0, "a", 0, "gd").labels("a b", "gd").build(),
            RunResults.sample().run(1, "a", 0, "gd").labels("a-b", "gd").build());
    assertEquals(Map.of(0, "a-b", 1, "a-b-2"), PlotNames.slugs(runs));
  }

  @Test
  void aMedianThatClimbsPastTheTopIsMarkedWhereItLeaves() {
    Bands.Band band =
        new Bands.Band(
            new double[] {0, 1, 2, 3, 4},
            new double[] {10, 5, 1e50, Double.NaN, 1e60},
            new double[5],
            new double[5]);
    var r = RunResults.sample().build();
    Figure.Line marks = ConvergencePlots.clippedMarks(band, r, 100);
    assertArrayEquals(
        new double[] {2, 4}, marks.x(), "left at 2, back (NaN) at 3, left again at 4");
    assertArrayEquals(new double[] {100, 100}, marks.y());
    assertNull(ConvergencePlots.clippedMarks(band, r, 1e70));
  }
}
