package dev.gradus.runner.report;

import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Convergence, per function configuration: f − f* (or f, as the suite's {@code report.convergence}
 * asks, and always where f* is unknown) against iterations and against evaluations (only where some
 * optimizer makes other than one evaluation per iteration; otherwise the two are one picture), the
 * median over repeats of each optimizer configuration with dashed quartiles. On a log axis gaps at
 * or below zero are drawn at {@link #FLOOR}. The axis reaches a decade above the highest start; a
 * line that climbs past it (a diverging median) is cut there and marked with a triangle, so that
 * one run at 1e167 does not flatten everyone else. Rows outside the domain are left out (a value
 * there is no result); only converged and budget-exhausted runs are drawn, and a legend entry
 * counts its configuration's runs that were not.
 */
final class ConvergencePlots implements PlotKind {
  /** Where a gap at or below zero is drawn on a log axis. */
  static final double FLOOR = 1e-16;

  static final int GRID_POINTS = 200;

  @Override
  public List<Drawing> draw(Input input) {
    List<Drawing> out = new ArrayList<>();
    for (Map.Entry<Integer, List<RunResult>> e : input.byFunction().entrySet()) {
      drawFunction(input, e.getKey(), e.getValue(), out);
    }
    return out;
  }

  private static void drawFunction(
      Input input, int function, List<RunResult> runs, List<Drawing> out) {
    ResultsFolder results = input.results();
    boolean gap = input.rules().convergence() == ReportRules.Convergence.GAP;
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
    String yTitle = gap ? "f - f*" : "f";
    boolean[] axes =
        oneEvaluationPerIteration(results, runs)
            ? new boolean[] {false}
            : new boolean[] {false, true};
    for (boolean byEvaluations : axes) {
      String xTitle = byEvaluations ? "evaluations" : "iterations";
      List<Figure.Line> lines = new ArrayList<>();
      double top = Double.NEGATIVE_INFINITY;
      double bottom = Double.POSITIVE_INFINITY;
      double lowest = Double.POSITIVE_INFINITY;
      double maxX = 0;
      List<Bands.Band> bands = new ArrayList<>();
      List<RunResult> firsts = new ArrayList<>();
      boolean quartiles = false;
      for (List<RunResult> group : Groups.byOptimizer(runs).values()) {
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
          ys.add(values(gap ? t.gap() : t.f(), t.inDomain(), logY));
        }
        RunResult first = group.get(0);
        String name = first.optimizerLabel();
        if (notResults > 0) {
          name += " (" + notResults + " of " + group.size() + " diverged/failed, not drawn)";
        }
        if (xs.isEmpty()) {
          lines.add(line(name, first, Figure.Kind.MAIN, new double[0], new double[0]));
          continue;
        }
        Bands.Band band = Bands.of(xs, ys, Bands.grid(xs, GRID_POINTS, true));
        bands.add(band);
        firsts.add(first);
        top = Math.max(top, firstFinite(band.median()));
        bottom = Math.min(bottom, min(band.lower(), logY));
        lowest = Math.min(lowest, min(band.median(), logY));
        maxX = Math.max(maxX, band.x()[band.x().length - 1]);
        lines.add(line(name, first, Figure.Kind.MAIN, band.x(), band.median()));
        if (xs.size() > 1) {
          quartiles = true;
          lines.add(line(name, first, Figure.Kind.QUARTILE, band.x(), band.lower()));
          lines.add(line(name, first, Figure.Kind.QUARTILE, band.x(), band.upper()));
        }
      }
      if (bands.isEmpty()) {
        continue;
      }
      double[] y = yRange(logY, Math.min(bottom, lowest), top);
      boolean clipped = false;
      for (int b = 0; b < bands.size(); b++) {
        Figure.Line marks = clippedMarks(bands.get(b), firsts.get(b), y[1]);
        if (marks != null) {
          lines.add(marks);
          clipped = true;
        }
      }
      List<String> notes = new ArrayList<>();
      if (quartiles) {
        notes.add("lines: median over repeats; thin lines: quartiles");
      }
      if (clipped) {
        notes.add("triangles: a line leaves the top of the axis");
      }
      String note = String.join("; ", notes);
      double[] x = AxisRanges.count(maxX);
      Figure.Panel panel =
          new Figure.Panel(
              "",
              new Figure.Axis(xTitle, Figure.Scale.LINEAR, x[0], x[1], true),
              new Figure.Axis(
                  yTitle, logY ? Figure.Scale.LOG10 : Figure.Scale.LINEAR, y[0], y[1], false),
              lines,
              note);
      String title = label + ": " + yTitle + " by " + xTitle;
      String name =
          "convergence-"
              + (byEvaluations ? "evaluations" : "iterations")
              + "-"
              + input.slug(function);
      out.add(new Drawing(new Plot(name, label, title), new Figure(title, Facets.split(panel))));
    }
  }

  /**
   * Whether every row of every trace has its iteration plus one same constant as its evaluations:
   * the plot against evaluations would then be the plot against iterations moved by that constant,
   * and is not drawn.
   */
  static boolean oneEvaluationPerIteration(ResultsFolder results, List<RunResult> runs) {
    double offset = Double.NaN;
    for (RunResult r : runs) {
      ResultsFolder.Trace t = results.traces().get(r.runId());
      if (t == null) {
        continue;
      }
      for (int i = 0; i < t.iteration().length; i++) {
        double d = t.evaluations()[i] - t.iteration()[i];
        if (Double.isNaN(offset)) {
          offset = d;
        } else if (d != offset) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The y range: from the lowest quartile to a decade (log) or a tenth (linear) above the top
   * start.
   */
  static double[] yRange(boolean log, double bottom, double top) {
    if (log) {
      return AxisRanges.log(Math.max(bottom, FLOOR), 3 * top, 10);
    }
    double[] r = AxisRanges.linear(bottom, top);
    return new double[] {r[0], r[1] + 0.05 * (r[1] - r[0])};
  }

  /** Triangles at the axis top where the median first climbs past it, after being below it. */
  static Figure.Line clippedMarks(Bands.Band band, RunResult first, double top) {
    List<Double> xs = new ArrayList<>();
    boolean above = false;
    double[] m = band.median();
    for (int k = 0; k < m.length; k++) {
      boolean now = m[k] > top;
      if (now && !above) {
        xs.add(band.x()[k]);
      }
      above = now;
    }
    if (xs.isEmpty()) {
      return null;
    }
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = new double[x.length];
    java.util.Arrays.fill(y, top);
    return line(first.optimizerLabel(), first, Figure.Kind.CLIPPED, x, y);
  }

  private static Figure.Line line(
      String name, RunResult r, Figure.Kind kind, double[] x, double[] y) {
    return new Figure.Line(name, r.optimizer(), r.optimizerIndex(), kind, x, y);
  }

  private static double firstFinite(double[] v) {
    for (double x : v) {
      if (Double.isFinite(x)) {
        return x;
      }
    }
    return Double.NEGATIVE_INFINITY;
  }

  private static double min(double[] v, boolean positiveOnly) {
    double min = Double.POSITIVE_INFINITY;
    for (double x : v) {
      if (Double.isFinite(x) && (!positiveOnly || x > 0)) {
        min = Math.min(min, x);
      }
    }
    return min;
  }

  /** The values to draw: NaN (a break in the line) outside the domain, floored on a log axis. */
  static double[] values(double[] v, boolean[] inDomain, boolean log) {
    double[] out = v.clone();
    for (int k = 0; k < out.length; k++) {
      if (!inDomain[k]) {
        out[k] = Double.NaN;
      } else if (log && out[k] <= FLOOR) {
        out[k] = FLOOR;
      }
    }
    return out;
  }
}
