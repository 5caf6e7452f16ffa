package dev.gradus.runner.report;

import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.plan.FunctionConfig;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * Paths on contours, per 2-D function configuration, when the plan is at hand: repeat 0 of each
 * optimizer configuration, run again to record its points (a run is a pure function of its spec, so
 * the second run takes the same steps).
 */
final class PathPlots implements PlotKind {
  static final int CONTOUR_GRID = 90;
  static final int CONTOUR_LEVELS = 12;
  static final int MAX_DRAWN_PATH_POINTS = 1500;

  private static final Color CONTOUR = new Color(0xb8b8b8);

  @Override
  public List<Drawing> draw(Input input) {
    Plan plan = input.plan();
    if (plan == null) {
      return List.of();
    }
    RunEngine engine = new RunEngine(plan.rules());
    List<Drawing> out = new ArrayList<>();
    for (FunctionConfig f : plan.functions()) {
      if (f.dimension() != 2) {
        continue;
      }
      Objective objective = f.factory().get();
      List<List<double[]>> paths = new ArrayList<>();
      List<String> names = new ArrayList<>();
      List<Integer> colours = new ArrayList<>();
      for (OptimizerConfig o : plan.optimizers()) {
        for (RunSpec spec : plan.runs()) {
          if (spec.function() == f && spec.optimizer() == o && spec.repeat() == 0) {
            paths.add(Trajectories.path(engine, spec, Trajectories.MAX_POINTS));
            names.add(o.label());
            colours.add(o.index());
          }
        }
      }
      XYChart chart = contourChart(f.label(), objective, paths, names, colours);
      out.add(new Drawing(new Plot("paths-f" + f.index(), f.label(), chart.getTitle()), chart));
    }
    return out;
  }

  static XYChart contourChart(
      String label, Objective objective, List<List<double[]>> paths, List<String> names) {
    List<Integer> colours = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      colours.add(p);
    }
    return contourChart(label, objective, paths, names, colours);
  }

  static XYChart contourChart(
      String label,
      Objective objective,
      List<List<double[]>> paths,
      List<String> names,
      List<Integer> colours) {
    Optional<Domain> domain = objective.domain();
    List<double[]> minimizers =
        objective.knownMinimum().map(KnownMinimum::minimizers).orElse(List.of());
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    List<double[]> anchors = new ArrayList<>(minimizers);
    paths.forEach(p -> anchors.addAll(p.isEmpty() ? List.of() : List.of(p.get(0))));
    for (double[] p : anchors) {
      extend(box, p);
    }
    double[] anchorBox = box.clone();
    for (List<double[]> path : paths) {
      for (double[] p : path) {
        if (domain.map(d -> d.contains(p)).orElseGet(() -> near(anchorBox, p))) {
          extend(box, p);
        }
      }
    }
    if (!Double.isFinite(box[0])) {
      double[] lo = domain.map(Domain::lower).orElse(new double[] {-1, -1});
      double[] hi = domain.map(Domain::upper).orElse(new double[] {1, 1});
      box = new double[] {lo[0], hi[0], lo[1], hi[1]};
    }
    for (int axis = 0; axis < 2; axis++) {
      double lo = box[2 * axis];
      double hi = box[2 * axis + 1];
      double pad = hi > lo ? 0.1 * (hi - lo) : 1;
      lo -= pad;
      hi += pad;
      if (domain.isPresent()) {
        lo = Math.max(lo, domain.get().lower()[axis]);
        hi = Math.min(hi, domain.get().upper()[axis]);
      }
      box[2 * axis] = lo;
      box[2 * axis + 1] = hi;
    }
    double[] xs = linspace(box[0], box[1], CONTOUR_GRID);
    double[] ys = linspace(box[2], box[3], CONTOUR_GRID);
    double[][] values = new double[ys.length][xs.length];
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < ys.length; j++) {
      for (int i = 0; i < xs.length; i++) {
        double v = objective.value(new double[] {xs[i], ys[j]});
        values[j][i] = Double.isFinite(v) ? v : Double.NaN;
        if (v < min) {
          min = v;
        }
      }
    }
    XYChart chart =
        Charts.chart(
            label + ": paths on contours of f",
            names(objective, 0),
            names(objective, 1),
            false,
            false);
    chart.getStyler().setXAxisMin(box[0]).setXAxisMax(box[1]);
    chart.getStyler().setYAxisMin(box[2]).setYAxisMax(box[3]);
    for (double c : levels(values, min)) {
      List<MarchingSquares.Segment> segments = MarchingSquares.contour(xs, ys, values, c);
      if (segments.isEmpty()) {
        continue;
      }
      double[] x = new double[3 * segments.size()];
      double[] y = new double[3 * segments.size()];
      int k = 0;
      for (MarchingSquares.Segment s : segments) {
        x[k] = s.x1();
        y[k++] = s.y1();
        x[k] = s.x2();
        y[k++] = s.y2();
        x[k] = s.x2();
        y[k++] = Double.NaN; // lifts the pen between segments
      }
      var series =
          Charts.line(
              chart, "f = " + String.format(java.util.Locale.ROOT, "%.3g", c), x, y, CONTOUR);
      if (series != null) {
        series.setShowInLegend(false);
        series.setLineWidth(1f);
      }
    }
    List<Double> startX = new ArrayList<>();
    List<Double> startY = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      List<double[]> path = paths.get(p);
      if (path.isEmpty()) {
        continue;
      }
      int stride = Math.max(1, path.size() / MAX_DRAWN_PATH_POINTS);
      int n = (path.size() - 1) / stride + 2;
      double[] x = new double[n];
      double[] y = new double[n];
      int k = 0;
      for (int i = 0; i < path.size(); i += stride) {
        x[k] = path.get(i)[0];
        y[k++] = path.get(i)[1];
      }
      double[] last = path.get(path.size() - 1);
      x[k] = last[0];
      y[k++] = last[1];
      Charts.line(
          chart,
          names.get(p),
          Arrays.copyOf(x, k),
          Arrays.copyOf(y, k),
          Charts.colour(colours.get(p)));
      startX.add(path.get(0)[0]);
      startY.add(path.get(0)[1]);
    }
    if (!startX.isEmpty()) {
      Charts.points(
          chart, "start", Charts.toArray(startX), Charts.toArray(startY), Color.BLACK, true);
    }
    if (!minimizers.isEmpty()) {
      double[] mx = minimizers.stream().mapToDouble(m -> m[0]).toArray();
      double[] my = minimizers.stream().mapToDouble(m -> m[1]).toArray();
      Charts.points(chart, "minimum", mx, my, new Color(0xd62728), true);
    }
    return chart;
  }

  private static String names(Objective objective, int i) {
    List<String> names = objective.parameterNames();
    return names.size() == 2 ? names.get(i) : "x" + i;
  }

  private static void extend(double[] box, double[] p) {
    if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.max(box[1], p[0]);
      box[2] = Math.min(box[2], p[1]);
      box[3] = Math.max(box[3], p[1]);
    }
  }

  /** Without a domain, path points far beyond the starts and minima (divergence) are left out. */
  private static boolean near(double[] box, double[] p) {
    if (!Double.isFinite(box[0])) {
      return true;
    }
    double span = Math.max(1, Math.max(box[1] - box[0], box[3] - box[2]));
    return p[0] >= box[0] - 10 * span
        && p[0] <= box[1] + 10 * span
        && p[1] >= box[2] - 10 * span
        && p[1] <= box[3] + 10 * span;
  }

  /**
   * Contour levels min + d, the d log-spaced between the 2% and 98% quantiles of f − min over the
   * grid, so that both the floor of a valley and its walls get lines.
   */
  static double[] levels(double[][] values, double min) {
    List<Double> above = new ArrayList<>();
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isFinite(v) && v > min) {
          above.add(v - min);
        }
      }
    }
    if (above.isEmpty()) {
      return new double[0];
    }
    double lo = Quantiles.linear(above, 0.02);
    double hi = Quantiles.linear(above, 0.98);
    double[] levels = new double[CONTOUR_LEVELS];
    for (int k = 0; k < levels.length; k++) {
      double t = k / (double) (levels.length - 1);
      levels[k] = min + Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)));
    }
    return levels;
  }

  private static double[] linspace(double lo, double hi, int n) {
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = lo + (hi - lo) * k / (n - 1);
    }
    return out;
  }
}
