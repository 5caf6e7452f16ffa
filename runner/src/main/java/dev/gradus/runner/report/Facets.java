package dev.gradus.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small multiples: a panel with more configurations than a legend can carry beside it is split into
 * one panel per optimizer, all on the same axes so that panels compare at a glance. Lines of no
 * configuration (contours, starts, minima) appear in every panel.
 */
final class Facets {
  /**
   * Lines that overlap (convergence curves, paths) split by optimizer past this many
   * configurations.
   */
  static final int MAX_OVERLAPPING_LINES = 12;

  /**
   * Curves that are read against each other (ECDFs, profiles) stay together up to this many: the
   * legend beside the plot still holds them.
   */
  static final int MAX_COMPARED_LINES = 24;

  private Facets() {}

  /** {@link #split(Figure.Panel, int)} at {@link #MAX_OVERLAPPING_LINES}. */
  static List<Figure.Panel> split(Figure.Panel panel) {
    return split(panel, MAX_OVERLAPPING_LINES);
  }

  /** The panel, or one panel per optimizer when it has more than {@code max} configurations. */
  static List<Figure.Panel> split(Figure.Panel panel, int max) {
    Map<String, List<Figure.Line>> byOptimizer = new LinkedHashMap<>();
    List<Figure.Line> shared = new ArrayList<>();
    long configurations = panel.lines().stream().filter(l -> l.kind() == Figure.Kind.MAIN).count();
    for (Figure.Line line : panel.lines()) {
      if (line.optimizer() == null) {
        shared.add(line);
      } else {
        byOptimizer.computeIfAbsent(line.optimizer(), k -> new ArrayList<>()).add(line);
      }
    }
    if (configurations <= max || byOptimizer.size() < 2) {
      return List.of(panel);
    }
    List<Figure.Panel> out = new ArrayList<>();
    int last = byOptimizer.size() - 1;
    for (Map.Entry<String, List<Figure.Line>> e : byOptimizer.entrySet()) {
      List<Figure.Line> all = new ArrayList<>(shared);
      all.addAll(e.getValue());
      // the note is the figure's: under the last panel only
      String note = out.size() == last ? panel.note() : "";
      out.add(new Figure.Panel(e.getKey(), panel.x(), panel.y(), all, note));
    }
    return out;
  }
}
