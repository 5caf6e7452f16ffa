package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the report's charts tell optimizer configurations apart: one colour per optimizer, and a dash
 * pattern per configuration of the same optimizer (its learning rates, say), so that sixteen
 * configurations of eight optimizers never share a look. Assigned in the order of the configuration
 * indices, the same in every chart of a report.
 */
final class Style {
  static final List<String> COLOURS =
      List.of(
          "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
          "#7f7f7f", "#bcbd22");

  /** ECharts line types: a name, or dash and gap lengths in pixels. */
  static final List<Object> DASHES =
      List.of("solid", List.of(8, 4), List.of(2, 3), List.of(8, 3, 2, 3), List.of(14, 4, 4, 4));

  /**
   * The look of one configuration.
   *
   * @param dash a member of {@link #DASHES}
   */
  record Look(String colour, Object dash) {}

  private final Map<Integer, Look> looks = new HashMap<>();

  /** Looks for the optimizer configurations of {@code runs}. */
  Style(List<RunResult> runs) {
    Map<Integer, String> optimizerOf = new java.util.TreeMap<>();
    runs.forEach(r -> optimizerOf.putIfAbsent(r.optimizerIndex(), r.optimizer()));
    Map<String, List<Integer>> byOptimizer = new LinkedHashMap<>();
    optimizerOf.forEach(
        (index, id) -> byOptimizer.computeIfAbsent(id, k -> new ArrayList<>()).add(index));
    int optimizer = 0;
    for (List<Integer> indices : byOptimizer.values()) {
      for (int k = 0; k < indices.size(); k++) {
        looks.put(
            indices.get(k),
            new Look(
                COLOURS.get(optimizer % COLOURS.size()),
                DASHES.get((k + optimizer / COLOURS.size()) % DASHES.size())));
      }
      optimizer++;
    }
  }

  /** The look of optimizer configuration {@code index}; a fixed one for an index not seen. */
  Look of(int index) {
    return looks.getOrDefault(index, new Look(COLOURS.get(0), DASHES.get(0)));
  }
}
