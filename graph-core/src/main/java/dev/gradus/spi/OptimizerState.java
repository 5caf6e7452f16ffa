package dev.gradus.spi;

/**
 * The mutable state one optimizer keeps for one run (moments, step count, history), separate from
 * its immutable configuration, as in optax's init/update split. Only the optimizer that made a
 * state reads or writes it.
 */
public interface OptimizerState {
  /** The parameter dimension this state was made for. */
  int dimension();

  /** A deep copy of this state, from which {@link Optimizer#restore} rebuilds an equal one. */
  StateSnapshot snapshot();
}
