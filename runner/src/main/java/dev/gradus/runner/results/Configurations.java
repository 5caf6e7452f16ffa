package dev.gradus.runner.results;

import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs grouped by configuration: one group per (function configuration, optimizer configuration)
 * index pair, so that two configurations never share a row whatever their labels.
 */
final class Configurations {
  private Configurations() {}

  /** The groups of {@code runs} in the order each pair is first seen; runs keep their order. */
  static Collection<List<RunResult>> of(List<RunResult> runs) {
    Map<Long, List<RunResult>> groups = new LinkedHashMap<>();
    for (RunResult r : runs) {
      groups
          .computeIfAbsent(
              ((long) r.functionIndex() << 32) | r.optimizerIndex(), k -> new ArrayList<>())
          .add(r);
    }
    return groups.values();
  }
}
