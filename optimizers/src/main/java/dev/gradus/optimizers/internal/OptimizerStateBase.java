package dev.gradus.optimizers.internal;

import dev.gradus.spi.OptimizerState;

/** What every built-in state has: its optimizer's id and its dimension. */
abstract class OptimizerStateBase implements OptimizerState {
  final String optimizerId;
  final int dimension;

  OptimizerStateBase(String optimizerId, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
    }
    this.optimizerId = optimizerId;
    this.dimension = dimension;
  }

  @Override
  public final int dimension() {
    return dimension;
  }

  /** The state as this optimizer's own type, or a clear error for another optimizer's state. */
  static <S extends OptimizerStateBase> S cast(
      Class<S> type, String optimizerId, Object state, int paramsLength) {
    if (!type.isInstance(state) || !((OptimizerStateBase) state).optimizerId.equals(optimizerId)) {
      throw new IllegalArgumentException(
          "optimizer '" + optimizerId + "' was given a state it did not make: " + state);
    }
    S s = type.cast(state);
    if (paramsLength != s.dimension) {
      throw new IllegalArgumentException(
          "params have " + paramsLength + " entries, the state dimension is " + s.dimension);
    }
    return s;
  }
}
