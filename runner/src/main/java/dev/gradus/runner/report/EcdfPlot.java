package dev.gradus.runner.report;

import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixed-target ECDFs as COCO draws them, one line per optimizer configuration: for all functions
 * with a known minimum pooled ({@code ecdf}), and for each such function ({@code ecdf-NAME}), over
 * every target of the suite's ladder. The x axis is evaluations, or evaluations divided by the
 * dimension when the suite's {@code report.ecdf_x} asks for it. A row outside the domain never
 * reaches a target; a run that diverged, failed or timed out counts with the targets it reached
 * before.
 */
final class EcdfPlot implements PlotKind {
  @Override
  public List<Drawing> draw(Input input) {
    List<Drawing> out = new ArrayList<>();
    double[] targets = input.rules().targets();
    boolean perDimension = input.rules().ecdfX() == ReportRules.EcdfAxis.EVALUATIONS_PER_DIMENSION;
    String ladder =
        "targets f - f* <= "
            + TickLabels.plain(targets[0])
            + " ... "
            + TickLabels.plain(targets[targets.length - 1])
            + " ("
            + targets.length
            + ")";
    List<RunResult> all = new ArrayList<>();
    for (Map.Entry<Integer, List<RunResult>> e : input.byFunction().entrySet()) {
      List<RunResult> runs = withGap(input.results(), e.getValue());
      if (runs.isEmpty()) {
        continue;
      }
      all.addAll(runs);
      String label = runs.get(0).functionLabel();
      Figure figure =
          figure(label + ": fixed-target ECDF, " + ladder, input, runs, targets, perDimension);
      out.add(
          new Drawing(new Plot("ecdf-" + input.slug(e.getKey()), label, figure.title()), figure));
    }
    if (!all.isEmpty()) {
      Figure figure =
          figure(
              "Fixed-target ECDF, all functions with a known minimum, " + ladder,
              input,
              all,
              targets,
              perDimension);
      out.add(new Drawing(new Plot("ecdf", "All functions", figure.title()), figure));
    }
    return out;
  }

  private static List<RunResult> withGap(ResultsFolder results, List<RunResult> runs) {
    return runs.stream()
        .filter(
            r -> {
              ResultsFolder.Trace t = results.traces().get(r.runId());
              return t != null && t.hasGap();
            })
        .toList();
  }

  private static Figure figure(
      String title, Input input, List<RunResult> runs, double[] targets, boolean perDimension) {
    Map<Integer, List<Double>> hits = new TreeMap<>();
    Map<Integer, RunResult> firsts = new TreeMap<>();
    double maxX = 1;
    double minX = Double.POSITIVE_INFINITY;
    for (RunResult r : runs) {
      ResultsFolder.Trace t = input.results().traces().get(r.runId());
      double scale = perDimension ? dimension(r) : 1;
      double[] gaps = t.gap().clone();
      for (int k = 0; k < gaps.length; k++) {
        if (!t.inDomain()[k]) {
          gaps[k] = Double.NaN;
        }
      }
      maxX = Math.max(maxX, Math.max(1, r.evaluations()) / scale);
      firsts.putIfAbsent(r.optimizerIndex(), r);
      List<Double> own = hits.computeIfAbsent(r.optimizerIndex(), k -> new ArrayList<>());
      for (double target : targets) {
        double hit = Ecdf.firstHit(t.evaluations(), gaps, target) / scale;
        own.add(hit);
        if (hit > 0 && Double.isFinite(hit)) {
          minX = Math.min(minX, hit);
        }
      }
    }
    double[] x = AxisRanges.log(Math.min(minX, 1), maxX, 10);
    List<Figure.Line> lines = new ArrayList<>();
    for (Map.Entry<Integer, List<Double>> e : hits.entrySet()) {
      double[] own = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      double[][] steps = steps(Ecdf.curve(own), x[0], maxX);
      RunResult first = firsts.get(e.getKey());
      lines.add(
          new Figure.Line(
              first.optimizerLabel(),
              first.optimizer(),
              first.optimizerIndex(),
              Figure.Kind.MAIN,
              steps[0],
              steps[1]));
    }
    Figure.Panel panel =
        new Figure.Panel(
            "",
            new Figure.Axis(
                perDimension ? "evaluations / dimension" : "evaluations",
                Figure.Scale.LOG10,
                x[0],
                x[1],
                false),
            new Figure.Axis(
                "share of (run, target) pairs reached", Figure.Scale.LINEAR, 0, 1.02, false),
            lines,
            "");
    return new Figure(title, Facets.split(panel, Facets.MAX_COMPARED_LINES));
  }

  /** The curve as a staircase from (start, 0) to (end, last share). */
  static double[][] steps(Ecdf.Curve curve, double start, double end) {
    int n = curve.evaluations().length;
    double[] x = new double[2 * n + 2];
    double[] y = new double[2 * n + 2];
    x[0] = start;
    double previous = 0;
    for (int k = 0; k < n; k++) {
      x[2 * k + 1] = Math.max(start, curve.evaluations()[k]);
      y[2 * k + 1] = previous;
      x[2 * k + 2] = x[2 * k + 1];
      y[2 * k + 2] = curve.fraction()[k];
      previous = curve.fraction()[k];
    }
    x[2 * n + 1] = Math.max(end, x[2 * n]);
    y[2 * n + 1] = previous;
    return new double[][] {x, y};
  }

  private static double dimension(RunResult r) {
    return r.xStart() != null && r.xStart().length > 0 ? r.xStart().length : 1;
  }
}
