package dev.gradus.runner.plan;

import dev.gradus.runner.suite.Suite;
import java.util.List;

/** A suite resolved against the registries: its configurations and every run. */
public record Plan(
    Suite suite,
    List<FunctionConfig> functions,
    List<OptimizerConfig> optimizers,
    List<RunSpec> runs) {}
