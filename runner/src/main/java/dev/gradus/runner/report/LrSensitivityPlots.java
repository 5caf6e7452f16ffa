package dev.gradus.runner.report;

import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Learning-rate sensitivity, per function configuration whose optimizers sweep lr: the median final
 * gap (or final f) against lr, one line with markers per swept optimizer.
 */
final class LrSensitivityPlots implements PlotKind {
  @Override
  public List<Drawing> draw(Input input) {
    List<Drawing> out = new ArrayList<>();
    for (Map.Entry<Integer, List<RunResult>> e : input.byFunction().entrySet()) {
      List<RunResult> runs = e.getValue();
      boolean gap =
          LrSensitivity.showsGap(runs, input.rules().convergence() == ReportRules.Convergence.GAP);
      List<LrSensitivity.Line> found = LrSensitivity.lines(runs, gap);
      if (found.isEmpty()) {
        continue;
      }
      String label = runs.get(0).functionLabel();
      String yTitle = gap ? "final f - f* (median)" : "final f (median)";
      boolean positive =
          gap
              || found.stream()
                  .flatMapToDouble(l -> Arrays.stream(l.median()))
                  .allMatch(v -> v > 0);
      List<Figure.Line> lines = new ArrayList<>();
      double minLr = Double.POSITIVE_INFINITY;
      double maxLr = 0;
      double minY = Double.POSITIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (LrSensitivity.Line line : found) {
        double[] y = gap ? floored(line.median()) : line.median();
        for (double v : y) {
          if (Double.isFinite(v) && (!positive || v > 0)) {
            minY = Math.min(minY, v);
            maxY = Math.max(maxY, v);
          }
        }
        minLr = Math.min(minLr, line.lr()[0]);
        maxLr = Math.max(maxLr, line.lr()[line.lr().length - 1]);
        lines.add(
            new Figure.Line(
                line.label(),
                line.optimizer(),
                line.firstConfiguration(),
                Figure.Kind.MAIN,
                line.lr(),
                y));
        lines.add(
            new Figure.Line(
                line.label(),
                line.optimizer(),
                line.firstConfiguration(),
                Figure.Kind.MARKS,
                line.lr(),
                y));
      }
      double[] x = AxisRanges.log(minLr, maxLr, 10);
      double[] y = positive ? AxisRanges.log(minY, maxY, 10) : AxisRanges.linear(minY, maxY);
      String title = label + ": sensitivity to the learning rate";
      Figure.Panel panel =
          new Figure.Panel(
              "",
              new Figure.Axis("lr", Figure.Scale.LOG10, x[0], x[1], false),
              new Figure.Axis(
                  yTitle, positive ? Figure.Scale.LOG10 : Figure.Scale.LINEAR, y[0], y[1], false),
              lines,
              "converged and budget-exhausted runs ending in the domain");
      out.add(
          new Drawing(
              new Plot("lr-" + input.slug(e.getKey()), label, title),
              new Figure(title, Facets.split(panel))));
    }
    return out;
  }

  private static double[] floored(double[] v) {
    double[] out = v.clone();
    for (int k = 0; k < out.length; k++) {
      out[k] = Math.max(out[k], ConvergencePlots.FLOOR);
    }
    return out;
  }
}
