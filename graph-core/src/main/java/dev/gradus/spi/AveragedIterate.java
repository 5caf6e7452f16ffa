package dev.gradus.spi;

/**
 * An optimizer that keeps, besides the point where it evaluates gradients, a second point that is
 * its answer (SPI 1.4): ASGD's averaged iterate, an EMA or Polyak/SWA average, schedule-free's x
 * sequence. The runner evaluates f there as an extra, uncounted measurement and records it next to
 * the iterate's own value.
 *
 * <p>The averaged point lives in the optimizer's {@link OptimizerState} (and so in its snapshot);
 * {@link #averagedPoint} only copies it out.
 */
public interface AveragedIterate extends Optimizer {
  /**
   * A short kebab-case name for the averaged point, such as {@code ax}, {@code ema}, {@code swa} or
   * {@code schedule-free-x}; it labels the recorded value.
   */
  String averagedName();

  /**
   * Copies the averaged point of {@code state} into {@code into} (of length {@code
   * state.dimension()}), allocating nothing.
   *
   * @return false, leaving {@code into} unchanged, while there is no averaged point yet (ASGD
   *     before {@code t0}, SWA before its first average); the caller then records the iterate
   */
  boolean averagedPoint(OptimizerState state, double[] into);

  /**
   * {@code optimizer}'s averaged point, when it keeps one; what callers that hold any optimizer
   * use.
   */
  static boolean averagedPoint(Optimizer optimizer, OptimizerState state, double[] into) {
    return optimizer instanceof AveragedIterate averaged && averaged.averagedPoint(state, into);
  }
}
