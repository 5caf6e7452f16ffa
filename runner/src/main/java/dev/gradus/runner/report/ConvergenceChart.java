package dev.gradus.runner.report;

import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive convergence chart of one function configuration: per optimizer configuration the
 * median over its runs of f − f* (f when f* is unknown) against evaluations, with the band between
 * the quartiles ({@link Bands}), sampled at at most {@link #POINTS} log-spaced evaluation counts.
 *
 * <p>Every run with a trace counts, whatever its status: a diverged run is worse than any other
 * (its non-finite rows count as +∞, as do rows outside the domain), and a run that stopped keeps
 * its last value. So that a diverged median does not stretch the axis over hundreds of decades,
 * values above {@code yMax} and infinite ones are drawn at {@code yMax}, and the point where a
 * median first leaves the axis is marked, with the value it had (null when it was infinite). On a
 * log axis {@code yMax} is two decades above the highest starting median s; on a linear one (f
 * without f*, some f ≤ 0) it is s + 10·max(|s|, s − the lowest median). Gaps at or below {@link
 * #FLOOR} are drawn at {@link #FLOOR} on a log axis.
 */
final class ConvergenceChart {
  static final int POINTS = 200;
  static final double FLOOR = ConvergencePlots.FLOOR;

  private ConvergenceChart() {}

  /**
   * The chart, or null when no run of the function has a trace.
   *
   * @param gapWanted f − f* where every run has it; false for f itself (the suite's {@code
   *     report.convergence: f})
   */
  static ChartSpec of(
      String id, List<RunResult> runs, ResultsFolder results, Style style, boolean gapWanted) {
    boolean gap = gapWanted;
    boolean positive = true;
    double first = Double.POSITIVE_INFINITY;
    double last = 1;
    for (RunResult r : runs) {
      ResultsFolder.Trace t = results.traces().get(r.runId());
      if (t == null || t.iteration().length == 0) {
        continue;
      }
      gap &= t.hasGap();
      for (double f : t.f()) {
        positive &= !(f <= 0);
      }
      first = Math.min(first, t.evaluations()[0]);
      last = Math.max(last, t.evaluations()[t.evaluations().length - 1]);
    }
    if (first == Double.POSITIVE_INFINITY) {
      return null;
    }
    boolean logY = gap || positive;
    double[] grid =
        LogGrid.integers(Math.max(1, first), Math.max(Math.max(1, first), last), POINTS);

    List<Line> lines = new ArrayList<>();
    Map<String, Integer> names = new LinkedHashMap<>();
    for (List<RunResult> group : Groups.byOptimizer(runs).values()) {
      List<double[]> xs = new ArrayList<>();
      List<double[]> ys = new ArrayList<>();
      int notResults = 0;
      for (RunResult r : group) {
        ResultsFolder.Trace t = results.traces().get(r.runId());
        if (t == null || t.iteration().length == 0) {
          continue;
        }
        notResults += r.isOutcomeWithValues() ? 0 : 1;
        xs.add(t.evaluations());
        ys.add(ConvergencePlots.values(gap ? t.gap() : t.f(), t.inDomain(), logY));
      }
      if (xs.isEmpty()) {
        continue;
      }
      int[] contributing = new int[grid.length];
      for (double[] x : xs) {
        for (int g = 0; g < grid.length; g++) {
          contributing[g] += x[0] <= grid[g] ? 1 : 0;
        }
      }
      RunResult head = group.get(0);
      lines.add(
          new Line(
              unique(head.optimizerLabel(), names),
              head.optimizerIndex(),
              xs.size(),
              notResults,
              Bands.of(xs, ys, grid),
              contributing));
    }

    double start = Double.NEGATIVE_INFINITY;
    double bottom = Double.POSITIVE_INFINITY;
    for (Line line : lines) {
      for (double v : line.band.median()) {
        if (Double.isFinite(v)) {
          start = Math.max(start, v);
          break;
        }
      }
      for (double[] values : List.of(line.band.median(), line.band.lower())) {
        for (double v : values) {
          if (Double.isFinite(v) && (!logY || v > 0)) {
            bottom = Math.min(bottom, v);
          }
        }
      }
    }
    Double yMax = null;
    Double yMin = null;
    if (Double.isFinite(start) && logY && start > 0) {
      yMax = Math.pow(10, Math.ceil(Math.log10(start)) + 2);
      yMin = Math.pow(10, Math.floor(Math.log10(Math.max(Math.min(bottom, start), FLOOR))));
    } else if (Double.isFinite(start)) {
      // the linear analogue of a decade above the start, in the curves' own scale
      double scale = Math.max(Math.max(start - bottom, Math.abs(start)), Double.MIN_NORMAL);
      yMax = start + 10 * scale;
    }

    String yName = gap ? "f − f*" : "f";
    String title = runs.get(0).functionLabel() + ": " + yName + " by evaluations";
    List<Map<String, Object>> series = new ArrayList<>();
    int count = 0;
    for (Line line : lines) {
      Map<String, Object> s = line.toJson(yMax, style.of(line.optimizerIndex), grid);
      series.add(s);
      count +=
          1 + (s.get("lower") == null ? 0 : 2) + (((List<?>) s.get("marks")).isEmpty() ? 0 : 1);
    }
    Map<String, Object> data = ChartSpec.data(id, "convergence", title);
    data.put("xName", "evaluations");
    data.put("yName", yName);
    data.put("yLog", logY);
    data.put("yMin", yMin);
    data.put("yMax", yMax);
    data.put("floor", logY ? FLOOR : null);
    data.put("x", grid);
    data.put("series", series);
    return ChartSpec.of(data, count);
  }

  /** A legend name not used yet in this chart: two configurations may share a label. */
  static String unique(String label, Map<String, Integer> names) {
    int seen = names.merge(label, 1, Integer::sum);
    return seen == 1 ? label : label + " (" + seen + ")";
  }

  private record Line(
      String name,
      int optimizerIndex,
      int runs,
      int notResults,
      Bands.Band band,
      int[] contributing) {

    Map<String, Object> toJson(Double yMax, Style.Look look, double[] grid) {
      int n = grid.length;
      double[] median = new double[n];
      double[] lower = new double[n];
      double[] upper = new double[n];
      List<List<Object>> marks = new ArrayList<>();
      boolean wasClipped = false;
      for (int g = 0; g < n; g++) {
        boolean any = contributing[g] > 0;
        double m = band.median()[g];
        boolean clipped = any && yMax != null && (!Double.isFinite(m) || m > yMax);
        median[g] = !any ? Double.NaN : clipped ? yMax : NumberText.forChart(m);
        lower[g] = any ? clip(band.lower()[g], yMax) : Double.NaN;
        upper[g] = any ? clip(band.upper()[g], yMax) : Double.NaN;
        if (clipped && !wasClipped) {
          List<Object> mark = new ArrayList<>();
          mark.add(grid[g]);
          mark.add(yMax);
          mark.add(Double.isFinite(m) ? m : null);
          marks.add(mark);
        }
        wasClipped = clipped;
      }
      Map<String, Object> s = ChartSpec.series(name, look);
      s.put("runs", runs);
      s.put("notResults", notResults);
      s.put("median", median);
      s.put("lower", runs > 1 ? lower : null);
      s.put("upper", runs > 1 ? upper : null);
      s.put("marks", marks);
      return s;
    }

    /** Quartiles past the axis end at it; an infinite quartile (more diverged runs) too. */
    private static double clip(double v, Double yMax) {
      if (yMax == null) {
        return NumberText.forChart(v);
      }
      return !Double.isFinite(v) || v > yMax ? yMax : NumberText.forChart(v);
    }
  }
}
