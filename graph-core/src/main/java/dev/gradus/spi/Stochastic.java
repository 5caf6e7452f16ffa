package dev.gradus.spi;

/**
 * Implemented by an {@link Objective} whose gradients are samples (SPI 1.2): minibatches, added
 * noise. The runner calls {@link #useStream} once per run, before the first evaluation, with the
 * run's own {@link RandomStream}; the objective draws every random number from it and from nothing
 * else, so that a run stays a pure function of its seed, and a checkpoint (which saves the stream's
 * position) resumes it exactly.
 *
 * <p>{@link Objective#value} stays deterministic (the full, expected or noise-free loss); {@link
 * Objective#valueAndGradient} returns that value with a sampled gradient, or, where the objective
 * says so in its documentation, a sampled value too. An objective that does not implement this
 * interface is deterministic; one that does but is never given a stream (an SPI 1.0 runner, a unit
 * test) must still work, drawing from a stream of seed 0.
 */
public interface Stochastic {
  /** Gives the objective the run's stream; called once, before the first evaluation. */
  void useStream(RandomStream stream);

  /**
   * The objective's own sampling state beyond the stream (a shuffled order of rows and a place in
   * it), which checkpoints keep; none by default.
   */
  default long[] samplingState() {
    return new long[0];
  }

  /**
   * Restores what {@link #samplingState} returned, when a run continues from a checkpoint; called
   * after {@link #useStream}.
   *
   * @throws IllegalArgumentException for a state this objective cannot have had
   */
  default void restoreSamplingState(long[] state) {}
}
