package dev.gradus.runner.plan;

import dev.gradus.runner.suite.Located;
import dev.gradus.spi.Objective;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One function configuration of a suite: a function entry with one value chosen for each swept key.
 *
 * @param index position among the suite's function configurations
 * @param name the function id (or the expression's name)
 * @param label a readable label with the values that were given, such as {@code rosenbrock dim=10}
 * @param parameters every hyperparameter value, defaults included, for the results
 * @param factory makes a fresh objective for one run
 * @param start the {@code start} setting as written, or null for the default start
 * @param gradient {@code autodiff}, {@code numerical} or {@code analytic}
 */
public record FunctionConfig(
    int index,
    String name,
    String label,
    Map<String, Object> parameters,
    Supplier<Objective> factory,
    Located start,
    String gradient) {}
