package dev.gradus.spi;

/** A provider of one objective function, registered as a {@code META-INF/services} entry. */
public interface ObjectiveProvider extends Provider {
  /**
   * A new objective for {@code values}, already checked against {@link #hyperParameters()}. Each
   * run gets its own instance, so an objective may keep evaluation buffers.
   */
  Objective create(HyperParameters values);

  /** The function's formula for {@code gradus describe}, in plain text or LaTeX-like notation. */
  default String formula() {
    return "";
  }
}
