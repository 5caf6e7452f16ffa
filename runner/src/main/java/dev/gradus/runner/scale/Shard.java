package dev.gradus.runner.scale;

import java.util.Map;

/**
 * One shard of a suite: shard {@code index} (0-based) of {@code count}. Every shard computes the
 * same assignment of runs to shards, so shards need no coordination: no daemon, no open port.
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard "
              + index
              + "/"
              + count
              + " is not valid: need 0 ≤ I < N, as in --shard 0/4 … 3/4");
    }
  }

  /** Parses {@code I/N}, 0-based, such as {@code 0/4}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "--shard '" + text + "' is not I/N (0-based, such as 0/4) or auto");
  }

  /**
   * The shard of this job-array task: Slurm's {@code SLURM_ARRAY_TASK_ID} minus {@code
   * SLURM_ARRAY_TASK_MIN} (0 when unset) of {@code SLURM_ARRAY_TASK_COUNT}, or Kubernetes' {@code
   * JOB_COMPLETION_INDEX} of {@code JOB_COMPLETIONS} (which an Indexed Job manifest sets to its
   * {@code completions}; see docs/scale-out.md).
   */
  public static Shard fromEnvironment(Map<String, String> env) {
    if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
      int id = integer(env, "SLURM_ARRAY_TASK_ID");
      int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? integer(env, "SLURM_ARRAY_TASK_MIN") : 0;
      if (!env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
        throw new IllegalArgumentException(
            "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not");
      }
      return new Shard(id - min, integer(env, "SLURM_ARRAY_TASK_COUNT"));
    }
    if (env.containsKey("JOB_COMPLETION_INDEX")) {
      if (!env.containsKey("JOB_COMPLETIONS")) {
        throw new IllegalArgumentException(
            "--shard auto: JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS is not; set it in the"
                + " Job's env to the same number as spec.completions (docs/scale-out.md)");
      }
      return new Shard(integer(env, "JOB_COMPLETION_INDEX"), integer(env, "JOB_COMPLETIONS"));
    }
    throw new IllegalArgumentException(
        "--shard auto needs a job array: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (Slurm), or"
            + " JOB_COMPLETION_INDEX and JOB_COMPLETIONS (Kubernetes Indexed Job); none is set."
            + " Give the shard explicitly, as --shard 0/4");
  }

  private static int integer(Map<String, String> env, String name) {
    try {
      return Integer.parseInt(env.get(name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "='" + env.get(name) + "' is not an integer");
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
