package dev.gradus.spi;

/**
 * A configured optimizer: an immutable configuration and the update rule; all mutable state lives
 * in an {@link OptimizerState} that {@link #init} makes, as optax's {@code init}/{@code update}.
 * One optimizer instance may serve many runs at once, each with its own state.
 *
 * <p>Call order for one run: {@code state = init(n)}, then for each iteration: the caller evaluates
 * f and ∇f at {@code params}, then calls {@link #step}, which moves {@code params} in place.
 */
public interface Optimizer {
  /** The provider id, recorded in snapshots. */
  String id();

  /**
   * The configured learning rate; schedules scale it and pass the result to {@link #step} as {@code
   * lr}. An optimizer without a learning rate returns 1.
   */
  double learningRate();

  /** A fresh state for {@code dimension} parameters. */
  OptimizerState init(int dimension);

  /**
   * One optimization step, in place.
   *
   * @param params the current point, of length {@code state.dimension()}; updated in place
   * @param value f(params), as the caller just evaluated it
   * @param gradient ∇f(params), as just evaluated (and clipped, if the run clips); the optimizer
   *     may overwrite it as scratch space
   * @param lr the learning rate for this step: {@link #learningRate()} or a schedule's value
   * @param state this run's state, from {@link #init} or {@link #restore}
   * @param objective further evaluations, for optimizers that need them (each one counts)
   */
  void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState state,
      Evaluator objective);

  /**
   * Rebuilds a state from a snapshot of this optimizer.
   *
   * @throws IllegalArgumentException if the snapshot is from another optimizer or dimension
   */
  OptimizerState restore(StateSnapshot snapshot, int dimension);
}
