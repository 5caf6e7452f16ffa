package dev.gradus.runner.report;

import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive sharpness chart of one function configuration: the very lines {@link
 * SharpnessPlots} draws in {@code plots/} (median sharpness per configuration, and its 2/lr
 * dashed), so that the static and the interactive plot cannot disagree.
 */
final class SharpnessChart {
  private SharpnessChart() {}

  /** The chart, or null when no trace of these runs has sharpness. */
  static ChartSpec of(String id, List<RunResult> runs, ResultsFolder results, Style style) {
    List<SharpnessLines.Line> lines = SharpnessLines.of(runs, results.traces());
    if (lines.isEmpty()) {
      return null;
    }
    PlotKind.Drawing drawing = SharpnessPlots.drawing("", runs.get(0).functionLabel(), lines);
    Figure.Panel first = drawing.figure().panels().get(0);
    Map<String, Integer> names = new LinkedHashMap<>();
    Map<Integer, Map<String, Object>> byConfiguration = new LinkedHashMap<>();
    int count = 0;
    for (Figure.Panel panel : drawing.figure().panels()) {
      for (Figure.Line line : panel.lines()) {
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < line.x().length; k++) {
          if (!Double.isNaN(line.y()[k])) {
            points.add(new double[] {line.x()[k], NumberText.forChart(line.y()[k])});
          }
        }
        if (line.kind() == Figure.Kind.MAIN) {
          Map<String, Object> s =
              ChartSpec.series(
                  ConvergenceChart.unique(line.label(), names), style.of(line.configuration()));
          s.put("points", points);
          s.put("threshold", null);
          byConfiguration.put(line.configuration(), s);
          count++;
        } else {
          byConfiguration.get(line.configuration()).put("threshold", points);
          count++;
        }
      }
    }
    Map<String, Object> data = ChartSpec.data(id, "sharpness", drawing.figure().title());
    data.put("yLog", first.y().scale() == Figure.Scale.LOG10);
    data.put("xMax", first.x().max());
    data.put("note", first.note());
    data.put("series", new ArrayList<>(byConfiguration.values()));
    return ChartSpec.of(data, count);
  }
}
