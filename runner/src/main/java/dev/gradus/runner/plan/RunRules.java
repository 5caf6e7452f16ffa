package dev.gradus.runner.plan;

/**
 * The rules every run of a suite follows: its budget, its stop rules and what it records. A run's
 * result is a pure function of its {@link RunSpec} and these rules.
 *
 * @param traceEvery iterations between trace rows (≥ 1)
 * @param checkpointEvery iterations between checkpoints of a running run, or 0 for none
 */
public record RunRules(Budget budget, Stop stop, int traceEvery, long checkpointEvery) {
  public RunRules {
    if (traceEvery < 1) {
      throw new IllegalArgumentException("trace_every must be at least 1, got " + traceEvery);
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException(
          "checkpoint_every must be at least 0, got " + checkpointEvery);
    }
  }

  /**
   * Limits of one run.
   *
   * @param maxIterations optimizer steps
   * @param maxEvaluations objective evaluations, or null for no limit
   * @param maxSeconds wall-clock seconds, or null for no limit
   */
  public record Budget(long maxIterations, Long maxEvaluations, Double maxSeconds) {}

  /**
   * Stop rules; a run that meets one at a point inside the domain has converged. Null turns a rule
   * off.
   *
   * @param target stop when f − f* ≤ target (needs a known minimum)
   * @param gradNorm stop when ‖∇f‖₂ ≤ gradNorm
   */
  public record Stop(Double target, Double gradNorm) {}
}
