package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sharpness, per function configuration whose traces have it ({@code output.sharpness_every}): the
 * lines of {@link SharpnessLines} against iterations, each configuration's median sharpness as its
 * line and its 2/lr as a thin dashed line in the same colour, on a log axis when every value is
 * positive. A sharpness line that reaches its dashed one is at the edge of stability.
 */
final class SharpnessPlots implements PlotKind {
  @Override
  public List<Drawing> draw(Input input) {
    List<Drawing> out = new ArrayList<>();
    for (Map.Entry<Integer, List<RunResult>> e : input.byFunction().entrySet()) {
      List<SharpnessLines.Line> lines = SharpnessLines.of(e.getValue(), input.results().traces());
      if (!lines.isEmpty()) {
        out.add(drawing(input.slug(e.getKey()), e.getValue().get(0).functionLabel(), lines));
      }
    }
    return out;
  }

  static Drawing drawing(String slug, String label, List<SharpnessLines.Line> lines) {
    boolean positive = true;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double maxX = 0;
    boolean thresholds = false;
    for (SharpnessLines.Line line : lines) {
      for (double[] values : List.of(line.sharpness(), line.threshold())) {
        for (double v : values) {
          if (Double.isFinite(v)) {
            positive &= v > 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
      maxX = Math.max(maxX, line.iteration()[line.iteration().length - 1]);
      thresholds |= line.hasThreshold();
    }
    List<Figure.Line> drawn = new ArrayList<>();
    for (SharpnessLines.Line line : lines) {
      RunResult first = line.first();
      String name = first.optimizerLabel();
      drawn.add(
          new Figure.Line(
              name,
              first.optimizer(),
              first.optimizerIndex(),
              Figure.Kind.MAIN,
              line.iteration(),
              line.sharpness()));
      if (line.hasThreshold()) {
        drawn.add(
            new Figure.Line(
                name,
                first.optimizer(),
                first.optimizerIndex(),
                Figure.Kind.QUARTILE,
                line.iteration(),
                line.threshold()));
      }
    }
    double[] y = positive ? AxisRanges.log(min, max, 10) : AxisRanges.linear(min, max);
    double[] x = AxisRanges.count(maxX);
    String note =
        "lines: median over repeats of the Hessian's largest eigenvalue"
            + (thresholds ? "; thin dashed: 2/lr of the same configuration" : "");
    Figure.Panel panel =
        new Figure.Panel(
            "",
            new Figure.Axis("iterations", Figure.Scale.LINEAR, x[0], x[1], true),
            new Figure.Axis(
                "sharpness (largest eigenvalue of the Hessian)",
                positive ? Figure.Scale.LOG10 : Figure.Scale.LINEAR,
                y[0],
                y[1],
                false),
            drawn,
            note);
    String title = label + ": sharpness by iterations";
    return new Drawing(
        new Plot("sharpness-iterations-" + slug, label, title),
        new Figure(title, Facets.split(panel)));
  }
}
