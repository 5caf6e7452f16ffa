package dev.gradus.runner.plan;

import dev.gradus.optimizers.GradientClip;
import dev.gradus.optimizers.Schedule;
import dev.gradus.spi.Optimizer;
import java.util.Map;

/**
 * One optimizer configuration of a suite.
 *
 * @param index position among the suite's optimizer configurations
 * @param name the optimizer id
 * @param label a readable label with the values that were given, such as {@code adam lr=0.01}
 * @param hyperparameters every value, defaults included, plus schedule and clipping when set
 * @param optimizer the configured optimizer, shared by all its runs (it is immutable)
 * @param schedule the learning rate of each step, from the optimizer's own learning rate
 * @param clip applied to each gradient before the optimizer sees it
 */
public record OptimizerConfig(
    int index,
    String name,
    String label,
    Map<String, Object> hyperparameters,
    Optimizer optimizer,
    Schedule schedule,
    GradientClip clip) {}
