package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs grouped by the configuration indices their records carry, in index order. */
final class Groups {
  private Groups() {}

  static Map<Integer, List<RunResult>> byFunction(List<RunResult> runs) {
    Map<Integer, List<RunResult>> out = new TreeMap<>();
    runs.forEach(r -> out.computeIfAbsent(r.functionIndex(), k -> new ArrayList<>()).add(r));
    return out;
  }

  static Map<Integer, List<RunResult>> byOptimizer(List<RunResult> runs) {
    Map<Integer, List<RunResult>> out = new TreeMap<>();
    runs.forEach(r -> out.computeIfAbsent(r.optimizerIndex(), k -> new ArrayList<>()).add(r));
    return out;
  }
}
