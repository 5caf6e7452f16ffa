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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Paths on contours, per 2-D function configuration, when the plan is at hand: repeat 0 of each
 * optimizer configuration, run again to record its points (a run is a pure function of its spec, so
 * the second run takes the same steps).
 */
final class PathPlots implements PlotKind {
  static final int CONTOUR_GRID = 64;
  static final int CONTOUR_LEVELS = 12;
  static final int MAX_DRAWN_PATH_POINTS = 1500;

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
      List<OptimizerConfig> drawn = new ArrayList<>();
      for (OptimizerConfig o : plan.optimizers()) {
        for (RunSpec spec : plan.runs()) {
          if (spec.function() == f && spec.optimizer() == o && spec.repeat() == 0) {
            paths.add(Trajectories.path(engine, spec, Trajectories.MAX_POINTS));
            drawn.add(o);
          }
        }
      }
      Figure figure = contours(f.label(), objective, paths, drawn);
      String slug = input.slugs().getOrDefault(f.index(), PlotNames.slug(f.label()));
      out.add(new Drawing(new Plot("paths-" + slug, f.label(), figure.title()), figure));
    }
    return out;
  }

  /**
   * Paths of repeat 0 of each configuration on the contours of f over the part of the plane they
   * visit.
   */
  static Figure contours(
      String label,
      Objective objective,
      List<List<double[]>> paths,
      List<OptimizerConfig> configs) {
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
    List<Figure.Line> lines = new ArrayList<>();
    for (double c : levels(values, min)) {
      List<MarchingSquares.Segment> segments = MarchingSquares.contour(xs, ys, values, c);
      if (segments.isEmpty()) {
        continue;
      }
      List<MarchingSquares.Polyline> joined = MarchingSquares.join(segments);
      int points = joined.size() - 1; // a NaN between lines lifts the pen
      for (MarchingSquares.Polyline p : joined) {
        points += p.x().length;
      }
      double[] x = new double[points];
      double[] y = new double[points];
      int k = 0;
      for (MarchingSquares.Polyline p : joined) {
        if (k > 0) {
          x[k] = p.x()[0];
          y[k++] = Double.NaN;
        }
        System.arraycopy(p.x(), 0, x, k, p.x().length);
        System.arraycopy(p.y(), 0, y, k, p.y().length);
        k += p.x().length;
      }
      lines.add(new Figure.Line("contour", null, -1, Figure.Kind.CONTOUR, x, y));
    }
    List<Double> startX = new ArrayList<>();
    List<Double> startY = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      List<double[]> path = paths.get(p);
      OptimizerConfig o = configs.get(p);
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
      lines.add(
          new Figure.Line(
              o.label(),
              o.name(),
              o.index(),
              Figure.Kind.MAIN,
              Arrays.copyOf(x, k),
              Arrays.copyOf(y, k)));
      startX.add(path.get(0)[0]);
      startY.add(path.get(0)[1]);
    }
    if (!startX.isEmpty()) {
      lines.add(
          new Figure.Line("start", null, -1, Figure.Kind.START, toArray(startX), toArray(startY)));
    }
    if (!minimizers.isEmpty()) {
      double[] mx = minimizers.stream().mapToDouble(m -> m[0]).toArray();
      double[] my = minimizers.stream().mapToDouble(m -> m[1]).toArray();
      lines.add(new Figure.Line("minimum", null, -1, Figure.Kind.MINIMUM, mx, my));
    }
    double[] xRange =
        box[1] > box[0] ? new double[] {box[0], box[1]} : AxisRanges.linear(box[0], box[0]);
    double[] yRange =
        box[3] > box[2] ? new double[] {box[2], box[3]} : AxisRanges.linear(box[2], box[2]);
    String title = label + ": paths of repeat 0 on contours of f";
    Figure.Panel panel =
        new Figure.Panel(
            "",
            new Figure.Axis(names(objective, 0), Figure.Scale.LINEAR, xRange[0], xRange[1], false),
            new Figure.Axis(names(objective, 1), Figure.Scale.LINEAR, yRange[0], yRange[1], false),
            lines,
            "");
    return new Figure(title, Facets.split(panel));
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
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
