package dev.gradus.runner.report;

import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Convergence, per function configuration: f − f* (f when f* is unknown) against iterations and
 * against evaluations, log y, the median over repeats of each optimizer configuration with dashed
 * quartiles. Gaps at or below zero are drawn at {@link #FLOOR}; rows whose point lies outside the
 * domain are left out (a gap there is no result). Only runs whose values are results (converged,
 * budget exhausted) are drawn; a legend entry counts the diverged, failed and timed-out runs of its
 * configuration instead of drawing them.
 */
final class ConvergencePlots implements PlotKind {
  /** Where a gap at or below zero is drawn on a log axis. */
  static final double FLOOR = 1e-16;

  static final int GRID_POINTS = 200;

  @Override
  public List<Drawing> draw(Input input) {
    List<Drawing> out = new ArrayList<>();
    for (Map.Entry<Integer, List<RunResult>> e : input.byFunction().entrySet()) {
      drawFunction(e.getKey(), e.getValue(), input.results(), out);
    }
    return out;
  }

  private static void drawFunction(
      int function, List<RunResult> runs, ResultsFolder results, List<Drawing> out) {
    boolean gap = true;
    boolean positive = true;
    for (RunResult r : runs) {
      ResultsFolder.Trace t = results.traces().get(r.runId());
      if (t != null) {
        gap &= t.hasGap();
        for (double f : t.f()) {
          positive &= !(f <= 0);
        }
      }
    }
    boolean logY = gap || positive;
    String label = runs.get(0).functionLabel();
    String yTitle = gap ? "f − f*" : "f";
    for (boolean byEvaluations : new boolean[] {false, true}) {
      String xTitle = byEvaluations ? "evaluations" : "iteration";
      XYChart chart =
          Charts.chart(label + ": " + yTitle + " by " + xTitle, xTitle, yTitle, false, logY);
      double top = Double.NEGATIVE_INFINITY;
      double bottom = Double.POSITIVE_INFINITY;
      for (List<RunResult> group : PlotKind.Input.byOptimizer(runs).values()) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        int notResults = 0;
        for (RunResult r : group) {
          if (!r.isOutcomeWithValues()) {
            notResults++;
            continue;
          }
          ResultsFolder.Trace t = results.traces().get(r.runId());
          if (t == null || t.iteration().length == 0) {
            continue;
          }
          xs.add(byEvaluations ? t.evaluations() : t.iteration());
          ys.add(values(gap ? t.gap() : t.f(), t.inDomain(), gap));
        }
        Color c = Charts.colour(group.get(0).optimizerIndex());
        String name = group.get(0).optimizerLabel();
        if (notResults > 0) {
          name += " (" + notResults + " of " + group.size() + " diverged/failed, not drawn)";
        }
        if (xs.isEmpty()) {
          continue;
        }
        Bands.Band band = Bands.of(xs, ys, Bands.grid(xs, GRID_POINTS, !byEvaluations));
        top = Math.max(top, firstFinite(band.median()));
        bottom = Math.min(bottom, minFinite(band.lower()));
        Charts.line(chart, name, band.x(), band.median(), c);
        if (xs.size() > 1) {
          Charts.dashed(chart, name + " 25%", band.x(), band.lower(), c);
          Charts.dashed(chart, name + " 75%", band.x(), band.upper(), c);
        }
      }
      if (chart.getSeriesMap().isEmpty()) {
        continue;
      }
      if (logY && Double.isFinite(top) && Double.isFinite(bottom) && top > 0) {
        // a run far above its start would stretch the axis over hundreds of decades: cut it off
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(top) + 1)));
        chart
            .getStyler()
            .setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.max(bottom, FLOOR)))));
      }
      String name =
          "convergence-" + (byEvaluations ? "evaluations" : "iterations") + "-f" + function;
      out.add(new Drawing(new Plot(name, label, chart.getTitle()), chart));
    }
  }

  private static double firstFinite(double[] v) {
    for (double x : v) {
      if (Double.isFinite(x)) {
        return x;
      }
    }
    return Double.NEGATIVE_INFINITY;
  }

  private static double minFinite(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    for (double x : v) {
      if (Double.isFinite(x) && x > 0) {
        min = Math.min(min, x);
      }
    }
    return min;
  }

  /** The values to draw: NaN (a break in the line) outside the domain, gaps floored. */
  static double[] values(double[] v, boolean[] inDomain, boolean gap) {
    double[] out = v.clone();
    for (int k = 0; k < out.length; k++) {
      if (!inDomain[k]) {
        out[k] = Double.NaN;
      } else if (gap && out[k] <= FLOOR) {
        out[k] = FLOOR;
      }
    }
    return out;
  }
}
