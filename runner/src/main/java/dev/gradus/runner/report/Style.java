package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Palette} of the static plots, in the form the report's charts take it: a hex colour
 * and an ECharts line type, so that a configuration looks the same in report.html as in plots/.
 */
final class Style {
  /**
   * The look of one configuration.
   *
   * @param dash {@code "solid"}, or dash and gap lengths in pixels
   */
  record Look(String colour, Object dash) {}

  private final Palette palette;
  private final Map<Integer, String> optimizerOf = new TreeMap<>();

  /** Looks for the optimizer configurations of {@code runs}. */
  Style(List<RunResult> runs) {
    runs.forEach(r -> optimizerOf.putIfAbsent(r.optimizerIndex(), r.optimizer()));
    palette =
        Palette.of(
            optimizerOf.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }

  /**
   * The look of optimizer configuration {@code index}; the first colour, solid, for one not seen.
   */
  Look of(int index) {
    Palette.Style s = palette.style(optimizerOf.get(index), index);
    Color c = s.colour();
    String hex = String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    float[] dashes = s.stroke() instanceof BasicStroke b ? b.getDashArray() : null;
    if (dashes == null) {
      return new Look(hex, "solid");
    }
    List<Integer> pattern = new ArrayList<>();
    for (float d : dashes) {
      pattern.add(Math.max(1, Math.round(d)));
    }
    return new Look(hex, pattern);
  }
}
