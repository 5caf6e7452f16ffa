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
    ReportRules report) {

  /**
   * @param perRunBytes bytes the largest run needs
   * @param largest the label of the function configuration of that run
   */
  public record MemoryEstimate(long perRunBytes, String largest) {}
}
