package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive learning-rate sensitivity chart of one function configuration: the lines of
 * {@link LrSensitivity}, median final value against lr on log axes (a linear value axis when a
 * median is at or below zero).
 */
final class LrChart {
  private LrChart() {}

  /**
   * The chart, or null when no optimizer was swept over two learning rates or more.
   *
   * @param gapWanted the final gap where the runs have one; false for final f itself
   */
  static ChartSpec of(String id, List<RunResult> runs, Style style, boolean gapWanted) {
    boolean gap = LrSensitivity.showsGap(runs, gapWanted);
    List<LrSensitivity.Line> lines = LrSensitivity.lines(runs, gap);
    if (lines.isEmpty()) {
      return null;
    }
    boolean positive = true;
    Map<String, Integer> names = new LinkedHashMap<>();
    List<Map<String, Object>> series = new ArrayList<>();
    for (LrSensitivity.Line line : lines) {
      List<double[]> points = new ArrayList<>();
      for (int k = 0; k < line.lr().length; k++) {
        points.add(new double[] {line.lr()[k], NumberText.forChart(line.median()[k])});
        positive &= line.median()[k] > 0;
      }
      Style.Look look = style.of(line.firstConfiguration());
      Map<String, Object> s = ChartSpec.series(ConvergenceChart.unique(line.label(), names), look);
      s.put("points", points);
      series.add(s);
    }
    String yName = gap ? "median final f − f*" : "median final f";
    String title = runs.get(0).functionLabel() + ": " + yName + " by learning rate";
    Map<String, Object> data = ChartSpec.data(id, "lr", title);
    data.put("yName", yName);
    data.put("yLog", positive);
    data.put("series", series);
    return ChartSpec.of(data, series.size());
  }
}
