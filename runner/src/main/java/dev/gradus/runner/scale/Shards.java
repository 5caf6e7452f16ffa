package dev.gradus.runner.scale;

import dev.gradus.runner.plan.RunSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which runs fall to a shard. Without costs, runs are dealt round-robin by run index, so that the
 * slow settings of a sweep spread over all shards. With the durations of an earlier run of the
 * suite, runs are balanced by cost: longest first, each to the shard with the least work so far
 * (ties to the lower shard), which every shard computes identically. Runs without a known cost
 * count as the median known cost.
 */
public final class Shards {
  private Shards() {}

  public static List<RunSpec> select(List<RunSpec> runs, Shard shard, Map<String, Long> costs) {
    if (costs.isEmpty()) {
      List<RunSpec> mine = new ArrayList<>();
      for (RunSpec run : runs) {
        if (run.index() % shard.count() == shard.index()) {
          mine.add(run);
        }
      }
      return mine;
    }
    long fallback = median(costs.values());
    List<RunSpec> byCost = new ArrayList<>(runs);
    byCost.sort(
        Comparator.comparingLong((RunSpec r) -> -costs.getOrDefault(r.runId(), fallback))
            .thenComparingInt(RunSpec::index));
    long[] load = new long[shard.count()];
    List<RunSpec> mine = new ArrayList<>();
    for (RunSpec run : byCost) {
      int least = 0;
      for (int s = 1; s < load.length; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      // at least 1 ms, so that runs too short to time still spread out
      load[least] += Math.max(1, costs.getOrDefault(run.runId(), fallback));
      if (least == shard.index()) {
        mine.add(run);
      }
    }
    mine.sort(Comparator.comparingInt(RunSpec::index));
    return mine;
  }

  private static long median(java.util.Collection<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
