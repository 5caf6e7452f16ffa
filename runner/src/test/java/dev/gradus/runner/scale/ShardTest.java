package dev.gradus.runner.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void parsesZeroBasedShards() {
    assertEquals(new Shard(0, 4), Shard.parse("0/4"));
    assertEquals(new Shard(3, 4), Shard.parse(" 3 / 4 "));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4"))
            .getMessage()
            .contains("0 ≤ I < N"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("half"))
            .getMessage()
            .contains("I/N"));
  }

  @Test
  void readsSlurmAndKubernetesJobArrays() {
    assertEquals(
        new Shard(2, 5),
        Shard.fromEnvironment(
            Map.of(
                "SLURM_ARRAY_TASK_ID",
                "3",
                "SLURM_ARRAY_TASK_MIN",
                "1",
                "SLURM_ARRAY_TASK_COUNT",
                "5")));
    assertEquals(
        new Shard(0, 2),
        Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "2")));
    assertEquals(
        new Shard(6, 8),
        Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "6", "JOB_COMPLETIONS", "8")));
    String none =
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of()))
            .getMessage();
    assertTrue(none.contains("SLURM_ARRAY_TASK_ID") && none.contains("JOB_COMPLETION_INDEX"), none);
    String k8s =
        assertThrows(
                IllegalArgumentException.class,
                () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1")))
            .getMessage();
    assertTrue(k8s.contains("JOB_COMPLETIONS"), k8s);
  }

  private static Plan plan() {
    return TestSuites.plan(
        "suite: s\nrepeats: 5\nfunctions: [{name: sphere}, {name: beale}]\n"
            + "optimizers: [{name: gd, lr: [0.1, 0.01, 0.001]}]\n");
  }

  @Test
  void roundRobinDealsEveryRunToExactlyOneShard() {
    Plan plan = plan();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      List<RunSpec> mine = Shards.select(plan.runs(), new Shard(i, 4), Map.of());
      for (RunSpec run : mine) {
        assertEquals(i, run.index() % 4);
        assertTrue(seen.add(run.runId()), "dealt twice: " + run.runId());
      }
    }
    assertEquals(plan.runs().size(), seen.size());
  }

  @Test
  void knownCostsBalanceTheShardsLongestFirst() {
    Plan plan = plan();
    Map<String, Long> costs = new HashMap<>();
    for (RunSpec run : plan.runs()) {
      // the first optimizer configuration is 100 times as slow as the others
      costs.put(run.runId(), run.optimizer().index() == 0 ? 1000L : 10L);
    }
    long[] load = new long[3];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      List<RunSpec> mine = Shards.select(plan.runs(), new Shard(i, 3), costs);
      List<Integer> indices = new ArrayList<>();
      for (RunSpec run : mine) {
        assertTrue(seen.add(run.runId()));
        load[i] += costs.get(run.runId());
        indices.add(run.index());
      }
      assertEquals(indices.stream().sorted().toList(), indices, "runs stay in run order");
    }
    assertEquals(plan.runs().size(), seen.size());
    long max = Math.max(load[0], Math.max(load[1], load[2]));
    long min = Math.min(load[0], Math.min(load[1], load[2]));
    assertTrue(max - min <= 1000, "balanced: " + java.util.Arrays.toString(load));
  }
}
