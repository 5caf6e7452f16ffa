package dev.gradus.runner.plan;

import dev.gradus.optimizers.ComposedOptimizer;
import java.util.Map;

/**
 * One optimizer configuration of a suite.
 *
 * @param index position among the suite's optimizer configurations, after sweeps (results call it
 *     {@code optimizer_index})
 * @param name the optimizer id
 * @param label a short label that tells this configuration apart from every other of the suite,
 *     such as {@code adam lr=0.01} ({@link Labels})
 * @param hyperparameters every value, defaults included, plus schedule, clipping, param groups and
 *     wrappers when set, and each budget key the suite sweeps ({@code max_epochs}), so that records
 *     tell the budgets apart
 * @param optimizer clip → schedule → wrappers ({@code wrap}) → param groups → the provider's
 *     optimizer, composed by {@link dev.gradus.optimizers.Optimizers#compose}; immutable, so all
 *     its runs share it
 * @param budget the limits of its runs: the suite's budget, with one value chosen from each swept
 *     budget key
 */
public record OptimizerConfig(
    int index,
    String name,
    String label,
    Map<String, Object> hyperparameters,
    ComposedOptimizer optimizer,
    RunRules.Budget budget) {}
