package dev.gradus.runner.plan;

import dev.gradus.functions.GradientMethod;
import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One function configuration of a suite: a function entry with one value chosen for each swept key,
 * checked against the objective it makes.
 *
 * @param index position among the suite's function configurations, after sweeps (results call it
 *     {@code function_index})
 * @param name the function id (or the expression's name)
 * @param label a short label that tells this configuration apart from every other of the suite,
 *     such as {@code rosenbrock dim=10} ({@link Labels})
 * @param parameters every hyperparameter value, defaults included, for the results
 * @param factory makes a fresh objective for one run; it uses {@code gradient} already
 * @param start where its runs start
 * @param gradient how the gradient is computed
 * @param bounds what happens to iterates outside the domain
 * @param dimension the objective's dimension
 * @param domain the objective's search domain, if it has one
 */
public record FunctionConfig(
    int index,
    String name,
    String label,
    Map<String, Object> parameters,
    Supplier<Objective> factory,
    StartRule start,
    GradientMethod gradient,
    Bounds bounds,
    int dimension,
    Optional<Domain> domain) {}
