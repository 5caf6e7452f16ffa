package dev.gradus.runner.plan;

/**
 * The rules every run of a suite follows: its stop rules and what it records. A run's result is a
 * pure function of its {@link RunSpec} (whose optimizer configuration carries the run's {@link
 * Budget}, since a suite may sweep budgets) and these rules.
 *
 * @param traceEvery iterations between trace rows (≥ 1), when the trace is not log-spaced
 * @param checkpointEvery iterations between checkpoints of a running run, or 0 for none
 * @param logSpacedTrace whether trace rows are log-spaced in the iteration ({@link
 *     #ROWS_PER_DECADE} a decade: every iteration up to about 40, then ever sparser) instead of
 *     every {@code traceEvery}-th
 * @param traceTargets gaps f − f* in decreasing order at whose first crossing a row is always
 *     recorded, so that runtimes to these targets (aRT, ECDFs, tests) are exact however sparse the
 *     trace; empty for none
 * @param heldOutEvery iterations between rows with the objective's held-out metrics (a row is
 *     recorded at each, and the last row has them too), 0 for none in the trace (runs.jsonl still
 *     has the final ones), or {@link #HELD_OUT_AT_TRACE_ROWS}
 * @param sharpness when the traces record the Hessian's largest eigenvalue
 */
public record RunRules(
    Stop stop,
    int traceEvery,
    long checkpointEvery,
    boolean logSpacedTrace,
    double[] traceTargets,
    long heldOutEvery,
    Sharpness sharpness) {
  /** Held-out metrics at every scheduled trace row (and the last): the default. */
  public static final long HELD_OUT_AT_TRACE_ROWS = -1;

  /** Rows per decade of iterations in a log-spaced trace. */
  public static final int ROWS_PER_DECADE = 100;

  /**
   * Every {@code traceEvery}-th row and no target rows: the rules of a suite without {@code trace}.
   */
  public RunRules(Stop stop, int traceEvery, long checkpointEvery) {
    this(
        stop,
        traceEvery,
        checkpointEvery,
        false,
        new double[0],
        HELD_OUT_AT_TRACE_ROWS,
        Sharpness.NONE);
  }

  public RunRules {
    java.util.Objects.requireNonNull(sharpness, "sharpness");
    traceTargets = traceTargets.clone();
    for (int k = 1; k < traceTargets.length; k++) {
      if (!(traceTargets[k] < traceTargets[k - 1])) {
        throw new IllegalArgumentException("trace targets must decrease strictly");
      }
    }
    if (traceEvery < 1) {
      throw new IllegalArgumentException("trace_every must be at least 1, got " + traceEvery);
    }
    if (heldOutEvery < HELD_OUT_AT_TRACE_ROWS) {
      throw new IllegalArgumentException("held_out_every must be at least 0, got " + heldOutEvery);
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException(
          "checkpoint_every must be at least 0, got " + checkpointEvery);
    }
  }

  /**
   * Whether iteration {@code t} gets a row of a log-spaced trace: when t and t + 1 fall in
   * different hundredths of a decade (so row 0 always). StrictMath, so that the rows are the same
   * on every machine.
   */
  public static boolean logSpacedRow(long t) {
    return Math.floor(ROWS_PER_DECADE * StrictMath.log10(t + 1))
        != Math.floor(ROWS_PER_DECADE * StrictMath.log10(t));
  }

  /**
   * The first iteration at or after {@code t} that gets a row of a log-spaced trace: the t' ≥ t
   * with {@link #logSpacedRow}(t'), found without testing every iteration in between, so that a
   * run's loop pays for the spacing only at its rows.
   */
  public static long nextLogSpacedRow(long t) {
    if (t < 0) {
      throw new IllegalArgumentException("iteration must be at least 0, got " + t);
    }
    if (logSpacedRow(t)) {
      return t;
    }
    // t' is a row when level(t' + 1) > level(t'); level is non-decreasing (log10 is
    // semi-monotonic), so the next row is m - 1 for the least m > t + 1 whose level exceeds that
    // of t + 1: estimated from 10^(k/100), then moved to the exact m
    long level = level(t + 1);
    long m =
        Math.max(
            t + 2, (long) Math.ceil(StrictMath.pow(10, (level + 1) / (double) ROWS_PER_DECADE)));
    while (m - 1 > t + 1 && level(m - 1) > level) {
      m--;
    }
    while (level(m) <= level) {
      m++;
    }
    return m - 1;
  }

  private static long level(long t) {
    return (long) Math.floor(ROWS_PER_DECADE * StrictMath.log10(t));
  }

  @Override
  public double[] traceTargets() {
    return traceTargets.clone();
  }

  /**
   * Curvature tracking ({@code output.sharpness_every} and its companions): at every {@code
   * every}-th iteration and at the last, the largest eigenvalue of the Hessian at x_t by {@link
   * dev.gradus.graph.Lanczos} on the objective's Hessian-vector products, recorded in the trace
   * with its residual bound. The products are the objective's own ({@link
   * dev.gradus.spi.Objective#hessianVectorProduct}, of the full loss), not counted as the run's
   * evaluations; they change nothing the run does.
   *
   * @param every iterations between measurements, in [0, {@link #MAX_EVERY}]; 0 for none
   * @param tolerance the relative residual bound that ends a measurement, in [{@link
   *     #MIN_TOLERANCE}, {@link #MAX_TOLERANCE}]
   * @param maxProducts the most Hessian-vector products per measurement, in [1, {@link
   *     #MAX_PRODUCTS}]
   */
  public record Sharpness(long every, double tolerance, int maxProducts) {
    public static final long MAX_EVERY = 1_000_000_000L;
    public static final double DEFAULT_TOLERANCE = 1e-3;
    public static final double MIN_TOLERANCE = 1e-14;
    public static final double MAX_TOLERANCE = 0.5;
    public static final int DEFAULT_MAX_PRODUCTS = 30;
    public static final int MAX_PRODUCTS = 1000;

    /** No sharpness in the traces: the default. */
    public static final Sharpness NONE = new Sharpness(0, DEFAULT_TOLERANCE, DEFAULT_MAX_PRODUCTS);

    public Sharpness {
      if (every < 0 || every > MAX_EVERY) {
        throw new IllegalArgumentException(
            "output.sharpness_every = " + every + " is out of range [0, " + MAX_EVERY + "]");
      }
      if (!(tolerance >= MIN_TOLERANCE && tolerance <= MAX_TOLERANCE)) {
        throw new IllegalArgumentException(
            "output.sharpness_tolerance = "
                + tolerance
                + " is out of range ["
                + MIN_TOLERANCE
                + ", "
                + MAX_TOLERANCE
                + "]");
      }
      if (maxProducts < 1 || maxProducts > MAX_PRODUCTS) {
        throw new IllegalArgumentException(
            "output.sharpness_iterations = "
                + maxProducts
                + " is out of range [1, "
                + MAX_PRODUCTS
                + "]");
      }
    }

    /** Whether the traces record sharpness. */
    public boolean tracked() {
      return every > 0;
    }
  }

  /**
   * Limits of one run.
   *
   * @param maxIterations optimizer steps
   * @param maxEvaluations objective evaluations, or null for no limit
   * @param maxSeconds wall-clock seconds, or null for no limit
   * @param maxEpochs passes over a function's training rows ({@link
   *     dev.gradus.spi.Objective#stepsPerEpoch} steps each), or null for no limit
   * @param maxSamples training rows drawn ({@link dev.gradus.spi.Objective#samplesAfter}), or null
   *     for no limit: the run ends after the first step whose rows reach it
   */
  public record Budget(
      long maxIterations, Long maxEvaluations, Double maxSeconds, Long maxEpochs, Long maxSamples) {
    /** Limits without a sample budget, as every suite had before {@code max_samples}. */
    public Budget(long maxIterations, Long maxEvaluations, Double maxSeconds, Long maxEpochs) {
      this(maxIterations, maxEvaluations, maxSeconds, maxEpochs, null);
    }

    /** The steps a run of {@code objective} may take: the fewest its limits allow. */
    public long maxSteps(dev.gradus.spi.Objective objective) {
      long steps = maxIterations;
      java.util.OptionalLong perEpoch = objective.stepsPerEpoch();
      if (maxEpochs != null && perEpoch.isPresent()) {
        long e = perEpoch.getAsLong();
        steps = maxEpochs > steps / e ? steps : Math.min(steps, maxEpochs * e);
      }
      if (maxSamples != null && objective.samplesAfter(0).isPresent()) {
        // the fewest steps whose rows reach maxSamples: samplesAfter grows with the steps
        long low = 0;
        long high = steps;
        if (objective.samplesAfter(high).getAsLong() >= maxSamples) {
          while (low < high) {
            long mid = low + (high - low) / 2;
            if (objective.samplesAfter(mid).getAsLong() >= maxSamples) {
              high = mid;
            } else {
              low = mid + 1;
            }
          }
          steps = low;
        }
      }
      return steps;
    }
  }

  /**
   * Stop rules; a run that meets one at a point inside the domain has converged. Null turns a rule
   * off.
   *
   * @param target stop when f − f* ≤ target (needs a known minimum)
   * @param gradNorm stop when ‖∇f‖₂ ≤ gradNorm
   * @param f stop when f itself ≤ f, for a loss without a known minimum (a training loss)
   * @param testAccuracy stop when the objective's held-out {@code test_accuracy} ≥ testAccuracy,
   *     evaluated at the iterations that get a trace row (scheduled ones, not the last)
   */
  public record Stop(Double target, Double gradNorm, Double f, Double testAccuracy) {}
}
