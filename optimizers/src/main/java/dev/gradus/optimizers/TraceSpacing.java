package dev.gradus.optimizers;

/**
 * Which iterations {@link Minimizer#minimize} records in its {@link Trace}, as a suite's {@code
 * output: trace} and {@code trace_every} say: every {@code every}-th iteration (t = 0, every,
 * 2·every, …), or rows log-spaced in the iteration, {@value #ROWS_PER_DECADE} a decade (every
 * iteration up to about 40, then ever sparser). Either way the last iteration is recorded too.
 *
 * @param every iterations between rows, ≥ 1; ignored when {@code logSpaced}
 * @param logSpaced whether rows are log-spaced
 */
public record TraceSpacing(int every, boolean logSpaced) {
  /** Rows a decade of a log-spaced trace, as the runner's {@code trace: log}. */
  public static final int ROWS_PER_DECADE = 100;

  public TraceSpacing {
    if (every < 1) {
      throw new IllegalArgumentException(
          "trace_every = " + every + " is not allowed: must be an integer in [1, ∞)");
    }
  }

  /** A row every {@code every} iterations; {@code every(1)} is the runner's default. */
  public static TraceSpacing every(int every) {
    return new TraceSpacing(every, false);
  }

  /** Log-spaced rows, for long runs whose every iteration would make a large trace. */
  public static TraceSpacing log() {
    return new TraceSpacing(1, true);
  }

  /** Whether iteration {@code t} gets a row (the last one gets one anyway). */
  boolean records(long t) {
    if (!logSpaced) {
      return t % every == 0;
    }
    // t and t + 1 in different hundredths of a decade; StrictMath for the same rows everywhere
    return Math.floor(ROWS_PER_DECADE * StrictMath.log10(t + 1))
        != Math.floor(ROWS_PER_DECADE * StrictMath.log10(t));
  }
}
