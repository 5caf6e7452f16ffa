package dev.gradus.spi;

/** A provider of one optimizer, registered as a {@code META-INF/services} entry of this type. */
public interface OptimizerProvider extends Provider {
  /**
   * An optimizer configured with {@code values}, which {@link HyperParameters#resolve} has already
   * checked against {@link #hyperParameters()}. Checks that span several values (such as Nesterov
   * needing zero dampening) throw {@link InvalidHyperParameterException}.
   */
  Optimizer create(HyperParameters values);
}
