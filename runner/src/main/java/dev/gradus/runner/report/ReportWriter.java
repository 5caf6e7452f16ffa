package dev.gradus.runner.report;

import dev.gradus.runner.plan.FunctionConfig;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunResult;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;

/**
 * Draws the plots of a results folder into {@code plots/} (each as PNG and SVG) and writes {@code
 * report.html}, a single file that opens offline with every plot embedded.
 *
 * <ul>
 *   <li>Convergence, per function configuration: f − f* (f when f* is unknown) against iterations
 *       and against evaluations, log y, the median over repeats of each optimizer configuration
 *       with dashed quartiles. Gaps at or below zero are drawn at {@link #FLOOR}.
 *   <li>Paths on contours, per 2-D function configuration, when the suite is at hand: repeat 0 of
 *       each optimizer configuration, run again to record its points.
 *   <li>Learning-rate sensitivity, per function configuration whose optimizers sweep lr.
 *   <li>The fixed-target ECDF of the suite, as COCO draws it.
 * </ul>
 *
 * <p>Traces do not record evaluations, so the evaluation count at iteration t is taken as (t + 1) ·
 * E / (I + 1) for a run of I iterations and E evaluations: exact for one evaluation per step (E = I
 * + 1), and spread evenly over the steps for line searches.
 */
public final class ReportWriter {
  /** Where a gap at or below zero is drawn on a log axis. */
  public static final double FLOOR = 1e-16;

  static final int GRID_POINTS = 200;
  static final int CONTOUR_GRID = 90;
  static final int CONTOUR_LEVELS = 12;
  static final int MAX_DRAWN_PATH_POINTS = 1500;

  private static final Pattern FUNCTION_INDEX = Pattern.compile("^f(\\d+)-");
  private static final Color CONTOUR = new Color(0xb8b8b8);

  private ReportWriter() {}

  /**
   * A plot of the report.
   *
   * @param name the file name in {@code plots/} without extension
   * @param section the heading it appears under
   */
  record Plot(String name, String section, String title) {}

  /** A plot and its chart, drawn but not yet saved. */
  private record Drawing(Plot plot, XYChart chart) {}

  /**
   * Writes {@code plots/} and {@code report.html} from the files of a results folder.
   *
   * @param plan the suite the folder holds, to draw paths on contours; null to leave them out
   * @return the report file
   * @throws IllegalArgumentException if the folder has no {@code runs.jsonl}
   */
  public static Path write(Path dir, Plan plan) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    ResultsFolder results = ResultsFolder.read(dir);
    if (plan != null) {
      java.util.Set<String> planned = new java.util.HashSet<>();
      plan.runs().forEach(r -> planned.add(r.runId()));
      for (RunResult r : results.runs()) {
        if (!planned.contains(r.runId())) {
          throw new IllegalArgumentException(
              dir
                  + " holds run '"
                  + r.runId()
                  + "', which suite '"
                  + plan.suite().name()
                  + "' does not have: give the suite these results came from");
        }
      }
    }
    Path plots = dir.resolve("plots");
    List<Drawing> drawn = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      Files.createDirectories(plots);
      removeOldPlots(plots);
      Map<Integer, List<RunResult>> byFunction = byFunction(results.runs());
      for (Map.Entry<Integer, List<RunResult>> e : byFunction.entrySet()) {
        convergence(e.getKey(), e.getValue(), results, plots, drawn);
      }
      if (plan != null) {
        paths(plan, plots, drawn);
      } else {
        notes.add(
            "Paths on contours need the suite: run 'gradus report DIR' on a folder that 'gradus"
                + " run' wrote (it keeps a copy of the suite as suite.yaml).");
      }
      for (Map.Entry<Integer, List<RunResult>> e : byFunction.entrySet()) {
        learningRates(e.getKey(), e.getValue(), plots, drawn);
      }
      ecdf(results, plots, drawn);
      // rendering is most of the time a report takes; charts are independent
      drawn.parallelStream()
          .forEach(
              d -> {
                try {
                  Charts.save(d.chart(), plots.resolve(d.plot().name()));
                } catch (IOException e) {
                  throw new UncheckedIOException(
                      "cannot write plot " + d.plot().name() + ": " + e.getMessage(), e);
                }
              });
      String suiteName = plan != null ? plan.suite().name() : dir.getFileName().toString();
      String html =
          HtmlReport.render(suiteName, results, drawn.stream().map(Drawing::plot).toList(), notes);
      Path file = dir.resolve("report.html");
      Files.writeString(file, html, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * After {@code gradus run}: keeps a copy of the suite file in the folder (see {@link SuiteCopy})
   * and writes the report.
   */
  public static Path afterRun(Path dir, Plan plan, Path suiteFile) {
    SuiteCopy.save(dir, suiteFile);
    return write(dir, plan);
  }

  private static void removeOldPlots(Path plots) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(plots, "*.{png,svg}")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
  }

  /** Runs grouped by function configuration, in run-id order. */
  static Map<Integer, List<RunResult>> byFunction(List<RunResult> runs) {
    Map<Integer, List<RunResult>> out = new LinkedHashMap<>();
    for (RunResult r : runs) {
      Matcher m = FUNCTION_INDEX.matcher(r.runId());
      int index = m.find() ? Integer.parseInt(m.group(1)) : -1;
      out.computeIfAbsent(index, k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** Runs grouped by optimizer label, in order of first appearance. */
  private static Map<String, List<RunResult>> byOptimizer(List<RunResult> runs) {
    Map<String, List<RunResult>> out = new LinkedHashMap<>();
    runs.forEach(r -> out.computeIfAbsent(r.optimizerLabel(), k -> new ArrayList<>()).add(r));
    return out;
  }

  private static void convergence(
      int function, List<RunResult> runs, ResultsFolder results, Path plots, List<Drawing> drawn)
      throws IOException {
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
      int colour = 0;
      double top = Double.NEGATIVE_INFINITY;
      double bottom = Double.POSITIVE_INFINITY;
      for (List<RunResult> group : byOptimizer(runs).values()) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (RunResult r : group) {
          ResultsFolder.Trace t = results.traces().get(r.runId());
          if (t == null || t.iteration().length == 0) {
            continue;
          }
          xs.add(byEvaluations ? evaluations(t.iteration(), r) : t.iteration());
          ys.add(values(gap ? t.gap() : t.f(), gap));
        }
        Color c = Charts.colour(colour++);
        if (xs.isEmpty()) {
          continue;
        }
        Bands.Band band = Bands.of(xs, ys, Bands.grid(xs, GRID_POINTS, !byEvaluations));
        String name = group.get(0).optimizerLabel();
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
        // a diverging run would stretch the axis over hundreds of decades: cut it off above the
        // start, where it leaves the picture
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(top) + 1)));
        chart
            .getStyler()
            .setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.max(bottom, FLOOR)))));
      }
      String name =
          "convergence-" + (byEvaluations ? "evaluations" : "iterations") + "-f" + function;
      drawn.add(new Drawing(new Plot(name, label, chart.getTitle()), chart));
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

  /** The evaluations after each traced iteration, as the class comment explains. */
  static double[] evaluations(double[] iterations, RunResult r) {
    double perStep = r.evaluations() / (double) (r.iterations() + 1);
    double[] out = new double[iterations.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (iterations[k] + 1) * perStep;
    }
    return out;
  }

  private static double[] values(double[] v, boolean gap) {
    double[] out = v.clone();
    if (gap) {
      for (int k = 0; k < out.length; k++) {
        if (out[k] <= FLOOR) {
          out[k] = FLOOR;
        }
      }
    }
    return out;
  }

  private static void paths(Plan plan, Path plots, List<Drawing> drawn) throws IOException {
    RunEngine engine =
        new RunEngine(
            plan.suite().budget(), plan.suite().stop(), plan.suite().output().traceEvery());
    for (FunctionConfig f : plan.functions()) {
      Objective objective = f.factory().get();
      if (objective.dimension() != 2) {
        continue;
      }
      List<List<double[]>> paths = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (OptimizerConfig o : plan.optimizers()) {
        for (RunSpec spec : plan.runs()) {
          if (spec.function() == f && spec.optimizer() == o && spec.repeat() == 0) {
            paths.add(Trajectories.path(engine, spec, Trajectories.MAX_POINTS));
            names.add(o.label());
          }
        }
      }
      XYChart chart = contourChart(f.label(), objective, paths, names);
      String name = "paths-f" + f.index();
      drawn.add(new Drawing(new Plot(name, f.label(), chart.getTitle()), chart));
    }
  }

  static XYChart contourChart(
      String label, Objective objective, List<List<double[]>> paths, List<String> names) {
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
      Charts.line(chart, names.get(p), Arrays.copyOf(x, k), Arrays.copyOf(y, k), Charts.colour(p));
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
    double lo = Bands.quantile(above, 0.02);
    double hi = Bands.quantile(above, 0.98);
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

  private static void learningRates(
      int function, List<RunResult> runs, Path plots, List<Drawing> drawn) throws IOException {
    List<LrSensitivity.Line> lines = LrSensitivity.lines(runs);
    if (lines.isEmpty()) {
      return;
    }
    boolean gap = runs.stream().allMatch(r -> r.fGap() != null || r.fBest() == null);
    String label = runs.get(0).functionLabel();
    String yTitle = gap ? "final f_best − f* (median)" : "final f_best (median)";
    boolean positive =
        gap || lines.stream().flatMapToDouble(l -> Arrays.stream(l.median())).allMatch(v -> v > 0);
    XYChart chart =
        Charts.chart(label + ": sensitivity to the learning rate", "lr", yTitle, true, positive);
    int colour = 0;
    for (LrSensitivity.Line line : lines) {
      Charts.line(
          chart, line.label(), line.lr(), values(line.median(), gap), Charts.colour(colour));
      Charts.points(
          chart,
          line.label() + " ",
          line.lr(),
          values(line.median(), gap),
          Charts.colour(colour),
          false);
      colour++;
    }
    String name = "lr-f" + function;
    drawn.add(new Drawing(new Plot(name, label, chart.getTitle()), chart));
  }

  private static void ecdf(ResultsFolder results, Path plots, List<Drawing> drawn)
      throws IOException {
    Map<String, List<Double>> hits = new LinkedHashMap<>();
    double maxEvaluations = 1;
    for (RunResult r : results.runs()) {
      ResultsFolder.Trace t = results.traces().get(r.runId());
      if (t == null || !t.hasGap()) {
        continue;
      }
      double[] evaluations = evaluations(t.iteration(), r);
      maxEvaluations = Math.max(maxEvaluations, Math.max(1, r.evaluations()));
      List<Double> own = hits.computeIfAbsent(r.optimizerLabel(), k -> new ArrayList<>());
      for (double target : Ecdf.TARGETS) {
        own.add(Ecdf.firstHit(evaluations, t.gap(), target));
      }
    }
    if (hits.isEmpty()) {
      return;
    }
    XYChart chart =
        Charts.chart(
            "Fixed-target ECDF: targets f − f* ≤ 1e2 … 1e-8, all functions",
            "evaluations",
            "share of (run, target) pairs reached",
            true,
            false);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    int colour = 0;
    for (Map.Entry<String, List<Double>> e : hits.entrySet()) {
      Ecdf.Curve curve = Ecdf.curve(Charts.toArray(e.getValue()));
      int n = curve.evaluations().length;
      double[] x = new double[2 * n + 2];
      double[] y = new double[2 * n + 2];
      x[0] = 1;
      y[0] = 0;
      double previous = 0;
      for (int k = 0; k < n; k++) {
        x[2 * k + 1] = Math.max(1, curve.evaluations()[k]);
        y[2 * k + 1] = previous;
        x[2 * k + 2] = x[2 * k + 1];
        y[2 * k + 2] = curve.fraction()[k];
        previous = curve.fraction()[k];
      }
      x[2 * n + 1] = Math.max(maxEvaluations, x[2 * n]);
      y[2 * n + 1] = previous;
      Charts.line(chart, e.getKey(), x, y, Charts.colour(colour++));
    }
    drawn.add(new Drawing(new Plot("ecdf", "All functions", chart.getTitle()), chart));
  }
}
