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
  /** More configurations than this in one panel and it is split by optimizer. */
  static final int MAX_LINES_IN_ONE_PANEL = 12;

  private Facets() {}

  static List<Figure.Panel> split(Figure.Panel panel) {
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
    if (configurations <= MAX_LINES_IN_ONE_PANEL || byOptimizer.size() < 2) {
      return List.of(panel);
    }
    List<Figure.Panel> out = new ArrayList<>();
    byOptimizer.forEach(
        (optimizer, lines) -> {
          List<Figure.Line> all = new ArrayList<>(shared);
          all.addAll(lines);
          out.add(new Figure.Panel(optimizer, panel.x(), panel.y(), all, panel.note()));
        });
    return out;
  }
}
