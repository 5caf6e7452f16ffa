package dev.gradus.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive performance and data profiles: the very staircases {@link ProfilePlots} draws in
 * {@code plots/}, handed to the page, so that the static and the interactive profile cannot
 * disagree.
 */
final class ProfileChart {
  private ProfileChart() {}

  /** The chart of one of ProfilePlots' drawings. */
  static ChartSpec of(String id, PlotKind.Drawing drawing, Style style) {
    Map<String, Integer> names = new LinkedHashMap<>();
    List<Map<String, Object>> series = new ArrayList<>();
    Figure.Panel first = drawing.figure().panels().get(0);
    for (Figure.Panel panel : drawing.figure().panels()) {
      for (Figure.Line line : panel.lines()) {
        if (line.kind() != Figure.Kind.MAIN) {
          continue;
        }
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < line.x().length; k++) {
          points.add(new double[] {line.x()[k], NumberText.forChart(line.y()[k])});
        }
        Style.Look look = style.of(line.configuration());
        Map<String, Object> s =
            ChartSpec.series(ConvergenceChart.unique(line.label(), names), look);
        s.put("points", points);
        series.add(s);
      }
    }
    Figure.Axis x = first.x();
    Map<String, Object> data = ChartSpec.data(id, "profile", drawing.figure().title());
    data.put("xName", x.title());
    data.put(
        "xLogBase", x.scale() == Figure.Scale.LOG2 ? 2 : x.scale() == Figure.Scale.LOG10 ? 10 : 0);
    data.put("xMin", x.min());
    data.put("xMax", x.max());
    data.put("note", first.note());
    data.put("series", series);
    return ChartSpec.of(data, series.size());
  }
}
