package dev.gradus.spi;

import java.util.List;

/**
 * What every plugin provider has: a unique kebab-case id by which suites name it, a one-line
 * description, and a typed description of each hyperparameter.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}, so an implementation needs a public
 * no-argument constructor and a line in {@code META-INF/services/} naming it under {@link
 * OptimizerProvider} or {@link ObjectiveProvider}. A provider is stateless and thread-safe: the
 * runner calls its factory from several threads, once per run.
 */
public interface Provider {
  /** Unique kebab-case id, such as {@code adam} or {@code three-hump-camel}; never changes. */
  String id();

  /** One line for {@code gradus list}. */
  String description();

  /** Declared hyperparameters, in the order {@code gradus describe} shows them. */
  List<HyperParameter> hyperParameters();
}
