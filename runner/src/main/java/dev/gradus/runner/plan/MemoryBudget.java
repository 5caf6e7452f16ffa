package dev.gradus.runner.plan;

import dev.gradus.graph.Node;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.Objective;
import java.util.List;
import java.util.Locale;

/**
 * Estimates the memory of one run before any starts, so that a suite that cannot fit the heap is
 * refused with a clear message, or runs fewer runs at once, rather than dying of an
 * OutOfMemoryError. A run holds: its objective's buffers (for a graph objective, every node's value
 * and gradient, which includes data such as a regression's X; otherwise an assumed 4n doubles), the
 * runner's own vectors (start, current, best, previous point and gradient: 6n doubles), and the
 * optimizer's state (4n doubles, or (2·history_size + 4)n for L-BFGS).
 */
public final class MemoryBudget {
  /** The share of the maximum heap that runs may use; the rest is for the JVM and the runner. */
  static final double USABLE_HEAP_SHARE = 0.75;

  private MemoryBudget() {}

  /** Bytes one run of {@code objective} needs with the hungriest of {@code optimizers}. */
  public static long perRun(Objective objective, List<OptimizerConfig> optimizers) {
    long n = objective.dimension();
    long objectiveDoubles = 4 * n;
    if (objective instanceof GraphObjective graphObjective) {
      objectiveDoubles = 0;
      for (Node node : graphObjective.graph().nodes()) {
        objectiveDoubles += 2L * node.size();
      }
    }
    long stateDoubles = 4 * n;
    for (OptimizerConfig o : optimizers) {
      if (o.hyperparameters().get("history_size") instanceof Long history) {
        stateDoubles = Math.max(stateDoubles, (2 * history + 4) * n);
      }
    }
    return 8 * (objectiveDoubles + 6 * n + stateDoubles);
  }

  /**
   * How many runs may execute at once: at most {@code threads}, and as many as fit in the heap.
   *
   * @throws IllegalStateException when not even one run fits, naming the need and the heap
   */
  public static int concurrency(long perRunBytes, int threads, long maxHeapBytes, String largest) {
    long usable = (long) (USABLE_HEAP_SHARE * maxHeapBytes);
    long fit = perRunBytes == 0 ? threads : usable / perRunBytes;
    if (fit < 1) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "a run of '%s' needs about %s, but the JVM heap allows %s for runs (%.0f%% of %s):"
                  + " give Java more memory, as GRADUS_JAVA_OPTS=-Xmx%dg ./gradus run …, or"
                  + " lower the dimension",
              largest,
              human(perRunBytes),
              human(usable),
              100 * USABLE_HEAP_SHARE,
              human(maxHeapBytes),
              (long) Math.ceil(perRunBytes / USABLE_HEAP_SHARE / (1L << 30)) + 1));
    }
    return (int) Math.min(threads, fit);
  }

  static String human(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
