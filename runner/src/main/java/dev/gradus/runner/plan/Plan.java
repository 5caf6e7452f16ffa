package dev.gradus.runner.plan;

import java.util.List;

/**
 * A suite resolved against the registries and checked: the one thing that crosses from
 * configuration into execution. Everything below the planner (execution, results, report) reads
 * this, never the suite's YAML.
 *
 * @param suiteName the suite's name
 * @param suiteFile the suite file's name, for messages
 * @param suiteSha256 SHA-256 of the suite file's text, which identifies the suite across machines
 * @param seed the master seed
 * @param repeats runs per (function configuration, optimizer configuration)
 * @param rules the budget, stop rules and outputs every run follows
 * @param functions the function configurations, by index
 * @param optimizers the optimizer configurations, by index
 * @param runs every run, function-major, then optimizer, then repeat
 * @param memory the estimated memory of the largest run
 * @param report how the report and the tables look at the results
 * @param tuning the tuning protocol of a suite with a {@code tuning:} section, or null
 * @param phase which runs these are: a suite's without tuning, or a tuned suite's trials or its
 *     evaluation
 */
public record Plan(
    String suiteName,
    String suiteFile,
    String suiteSha256,
    long seed,
    int repeats,
    RunRules rules,
    List<FunctionConfig> functions,
    List<OptimizerConfig> optimizers,
    List<RunSpec> runs,
    MemoryEstimate memory,
    ReportRules report,
    Tuning tuning,
    Phase phase) {

  /** Which runs a plan holds. */
  public enum Phase {
    /** A suite without tuning: its runs are all there is. */
    UNTUNED,
    /** The trials of a tuned suite, into its {@code tuning/} folder. */
    TUNING,
    /** The evaluation of a tuned suite's winners and defaults, into its folder. */
    EVALUATION;

    /** The {@code phase} of every record, or null for {@link #UNTUNED}. */
    public String id() {
      return this == UNTUNED ? null : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Plan {
    if ((tuning == null) != (phase == Phase.UNTUNED)) {
      throw new IllegalArgumentException("a tuned plan has its tuning, and only a tuned plan");
    }
  }

  /**
   * @param perRunBytes bytes the largest run needs
   * @param largest the label of the function configuration of that run
   */
  public record MemoryEstimate(long perRunBytes, String largest) {}
}
