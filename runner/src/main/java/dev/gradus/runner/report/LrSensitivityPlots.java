package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/** Learning-rate sensitivity, per function configuration whose optimizers sweep lr. */
final class LrSensitivityPlots implements PlotKind {
  @Override
  public List<Drawing> draw(Input input) {
    List<Drawing> out = new ArrayList<>();
    for (Map.Entry<Integer, List<RunResult>> e : input.byFunction().entrySet()) {
      List<RunResult> runs = e.getValue();
      List<LrSensitivity.Line> lines = LrSensitivity.lines(runs);
      if (lines.isEmpty()) {
        continue;
      }
      boolean gap = runs.stream().anyMatch(r -> r.finalGap() != null);
      String label = runs.get(0).functionLabel();
      String yTitle = gap ? "final f − f* (median)" : "final f (median)";
      boolean positive =
          gap
              || lines.stream()
                  .flatMapToDouble(l -> Arrays.stream(l.median()))
                  .allMatch(v -> v > 0);
      XYChart chart =
          Charts.chart(label + ": sensitivity to the learning rate", "lr", yTitle, true, positive);
      int colour = 0;
      for (LrSensitivity.Line line : lines) {
        double[] y = floored(line.median(), gap);
        Charts.line(chart, line.label(), line.lr(), y, Charts.colour(colour));
        Charts.points(chart, line.label() + " ", line.lr(), y, Charts.colour(colour), false);
        colour++;
      }
      out.add(new Drawing(new Plot("lr-f" + e.getKey(), label, chart.getTitle()), chart));
    }
    return out;
  }

  private static double[] floored(double[] v, boolean gap) {
    double[] out = v.clone();
    for (int k = 0; gap && k < out.length; k++) {
      out[k] = Math.max(out[k], ConvergencePlots.FLOOR);
    }
    return out;
  }
}
