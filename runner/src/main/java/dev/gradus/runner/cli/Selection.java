package dev.gradus.runner.cli;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.ResultsStore;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.spi.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Choosing runs: by id ({@code --runs}) and the costs that balance shards ({@code --costs}). */
final class Selection {
  private Selection() {}

  static List<RunSpec> byIds(Plan plan, List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return plan.runs();
    }
    Map<String, RunSpec> byId = new LinkedHashMap<>();
    plan.runs().forEach(r -> byId.put(r.runId(), r));
    List<RunSpec> selected = new ArrayList<>();
    java.util.Set<String> named = new java.util.HashSet<>();
    for (String id : ids) {
      if (!named.add(id.trim())) {
        throw new IllegalArgumentException(
            "--runs names run '" + Names.quote(id.trim()) + "' twice; name each run once");
      }
      RunSpec spec = byId.get(id.trim());
      if (spec == null) {
        throw new IllegalArgumentException(
            "--runs: suite '"
                + plan.suiteName()
                + "' has no run '"
                + Names.quote(id)
                + "'"
                + Names.didYouMean(id, byId.keySet()));
      }
      selected.add(spec);
    }
    selected.sort(java.util.Comparator.comparingInt(RunSpec::index));
    return selected;
  }

  /** Wall times by run id from {@code explicit}, else from {@code fallback} when it has results. */
  static Map<String, Long> costs(Path explicit, Path fallback) {
    Path dir = explicit != null ? explicit : fallback;
    Path file = dir.resolve(ResultsStore.FILE);
    if (!Files.exists(file)) {
      if (explicit != null) {
        throw new IllegalArgumentException("--costs: " + file + " does not exist");
      }
      return Map.of();
    }
    Map<String, Long> costs = new HashMap<>();
    try {
      for (String line : ResultsStore.completeLines(file)) {
        var run = RunRecords.fromJson(line);
        costs.put(run.runId(), run.wallMs());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--costs: cannot read " + file + ": " + e.getMessage(), e);
    }
    return costs;
  }
}
