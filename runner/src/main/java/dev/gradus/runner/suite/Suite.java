package dev.gradus.runner.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A suite as written, checked for shape and types but not yet against providers: sweeps are still
 * lists. {@link dev.gradus.runner.plan.Planner} resolves it against the registries.
 *
 * @param name the suite name; default output folder {@code results/<name>}
 * @param seed master seed; each run's seed derives from it and the run's coordinates
 * @param repeats runs per (function, optimizer configuration)
 * @param budgets every budget of the suite: one, or the cross product of the budget keys given as
 *     lists ({@code max_epochs: [5, 10, 20]}), the last key varying fastest
 * @param sweptBudget the budget keys given as lists, in the suite's order; empty when none is
 * @param report the {@code report:} section's values by key ({@code targets.from} for nested keys),
 *     types checked, meaning given by the planner; empty when absent
 * @param tuning the {@code tuning:} section, or null when the suite tunes nothing
 * @param baseDir the folder relative paths in the suite (CSV data) are resolved against
 * @param file the suite file's name, for messages
 * @param sha256 SHA-256 of the suite file's text, which identifies the suite across machines
 */
public record Suite(
    String name,
    long seed,
    int repeats,
    List<Budget> budgets,
    List<String> sweptBudget,
    Stop stop,
    List<Entry> functions,
    List<Entry> optimizers,
    Output output,
    Map<String, Located> report,
    Tuning tuning,
    Path baseDir,
    String file,
    String sha256) {

  public static final long DEFAULT_SEED = 0;
  public static final int DEFAULT_REPEATS = 1;

  /**
   * Limits of one run.
   *
   * @param maxIterations optimizer steps
   * @param maxEvaluations objective evaluations, or null for no limit
   * @param maxSeconds wall-clock seconds, or null for no limit
   * @param maxEpochs passes over a function's training rows, or null for no limit
   * @param maxSamples training rows drawn (a row each time it is drawn), or null for no limit
   */
  public record Budget(
      long maxIterations, Long maxEvaluations, Double maxSeconds, Long maxEpochs, Long maxSamples) {
    public static final long DEFAULT_MAX_ITERATIONS = 1000;

    /** The most max_iterations may be, and its value when only max_epochs limits the runs. */
    public static final long MOST_ITERATIONS = 1_000_000_000L;
  }

  /**
   * Stop rules; a run that meets one is converged. Null means the rule is off.
   *
   * @param target stop when f − f* ≤ target (needs a known minimum)
   * @param gradNorm stop when ‖∇f‖₂ ≤ gradNorm
   * @param f stop when f itself ≤ f, for a loss without a known minimum (a training loss)
   * @param testAccuracy stop when the held-out accuracy ≥ testAccuracy, checked at trace rows
   */
  public record Stop(Double target, Double gradNorm, Double f, Double testAccuracy) {}

  /**
   * @param traceEvery iterations between trace rows
   * @param checkpointEvery iterations between checkpoints of each running run; 0 for none
   */
  /**
   * @param heldOutEvery iterations between held-out metrics in the traces, 0 for none, or {@link
   *     #HELD_OUT_AT_TRACE_ROWS}
   */
  /**
   * @param sharpness the keys {@code sharpness_every}, {@code sharpness_tolerance} and {@code
   *     sharpness_iterations} as given (types checked; the planner checks ranges and gives
   *     defaults), absent keys left out
   */
  public record Output(
      int traceEvery,
      long checkpointEvery,
      boolean logSpacedTrace,
      long heldOutEvery,
      Map<String, Located> sharpness) {
    public Output {
      sharpness = Map.copyOf(sharpness);
    }

    /** Held-out metrics at every scheduled trace row: the default. */
    public static final long HELD_OUT_AT_TRACE_ROWS = -1;

    public static final int DEFAULT_TRACE_EVERY = 1;
    public static final long DEFAULT_CHECKPOINT_EVERY = 0;
  }

  /**
   * One item of {@code functions:} or {@code optimizers:}: its {@code name} and every other key as
   * written, with locations.
   */
  /**
   * The {@code tuning:} section, types and ranges checked; the planner gives it its meaning.
   *
   * @param strategy {@code grid}, {@code random} or {@code halving}
   * @param trials configurations sampled per optimizer configuration (random, halving), or null
   *     when not given
   * @param seeds tuning runs per trial
   * @param select the metric that picks the winner, or null for each function's default
   * @param eta successive halving's reduction factor
   * @param gridPoints points of each continuous search space in a grid
   * @param node the section, for messages
   */
  public record Tuning(
      String strategy,
      Integer trials,
      int seeds,
      String select,
      int eta,
      int gridPoints,
      Located node) {
    public static final int DEFAULT_TRIALS = 16;
    public static final int DEFAULT_SEEDS = 1;
    public static final int DEFAULT_ETA = 3;
    public static final int DEFAULT_GRID_POINTS = 5;
    public static final List<String> STRATEGIES = List.of("grid", "random", "halving");
    public static final List<String> SELECT =
        List.of("final_gap", "f", "test_accuracy", "test_loss");
  }

  public record Entry(String name, Located node, Map<String, Located> settings) {
    public Located.Location location() {
      return node.location();
    }
  }
}
