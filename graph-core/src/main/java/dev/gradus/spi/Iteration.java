package dev.gradus.spi;

/**
 * One recorded iteration of a run: the point x_t the run reached after t steps, evaluated. Doubles
 * are NaN where they do not apply.
 *
 * @param iteration t, the number of steps taken to reach this point (0 at the start)
 * @param evaluations objective evaluations so far, this point's included
 * @param seconds wall-clock seconds since the run started (resumed runs include the time before
 *     their checkpoint); the one field that differs between two executions of the same run
 * @param f f(x_t)
 * @param gap f(x_t) − f*, or NaN without a known minimum
 * @param gradNorm ‖∇f(x_t)‖₂, before any clipping
 * @param stepNorm ‖x_t − x_{t−1}‖₂; 0 at iteration 0
 * @param lr the learning rate of the step that produced x_t (from x_{t−1}); NaN at iteration 0
 * @param inDomain whether x_t lies in the function's search domain (true without a domain)
 * @param trainLoss the objective's held-out {@link HeldOut#TRAIN_LOSS} at x_t, NaN where it was not
 *     evaluated (SPI 1.3: rows at the suite's held-out interval have it)
 * @param testLoss {@link HeldOut#TEST_LOSS} at x_t, or NaN
 * @param testAccuracy {@link HeldOut#TEST_ACCURACY} at x_t, or NaN
 * @param sharpness the largest eigenvalue of the Hessian at x_t as {@link dev.gradus.graph.Lanczos}
 *     estimates it, NaN where it was not measured (SPI 1.6: rows at the suite's sharpness interval
 *     have it)
 * @param sharpnessBound the estimate's residual bound: some eigenvalue of the Hessian lies within
 *     it of {@code sharpness}, and {@code sharpness} is at most the largest one; NaN with it
 */
public record Iteration(
    long iteration,
    long evaluations,
    double seconds,
    double f,
    double gap,
    double gradNorm,
    double stepNorm,
    double lr,
    boolean inDomain,
    double trainLoss,
    double testLoss,
    double testAccuracy,
    double sharpness,
    double sharpnessBound) {

  /** A row without held-out metrics, as every row was before SPI 1.3. */
  public Iteration(
      long iteration,
      long evaluations,
      double seconds,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr,
      boolean inDomain) {
    this(
        iteration,
        evaluations,
        seconds,
        f,
        gap,
        gradNorm,
        stepNorm,
        lr,
        inDomain,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /** A row with held-out metrics and no sharpness, as every row was before SPI 1.6. */
  public Iteration(
      long iteration,
      long evaluations,
      double seconds,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr,
      boolean inDomain,
      double trainLoss,
      double testLoss,
      double testAccuracy) {
    this(
        iteration,
        evaluations,
        seconds,
        f,
        gap,
        gradNorm,
        stepNorm,
        lr,
        inDomain,
        trainLoss,
        testLoss,
        testAccuracy,
        Double.NaN,
        Double.NaN);
  }

  /** This row with the given held-out metrics (NaN for one not evaluated). */
  public Iteration withHeldOut(double trainLoss, double testLoss, double testAccuracy) {
    return new Iteration(
        iteration,
        evaluations,
        seconds,
        f,
        gap,
        gradNorm,
        stepNorm,
        lr,
        inDomain,
        trainLoss,
        testLoss,
        testAccuracy,
        sharpness,
        sharpnessBound);
  }

  /** This row with the given sharpness and its bound (NaN for none). */
  public Iteration withSharpness(double sharpness, double sharpnessBound) {
    return new Iteration(
        iteration,
        evaluations,
        seconds,
        f,
        gap,
        gradNorm,
        stepNorm,
        lr,
        inDomain,
        trainLoss,
        testLoss,
        testAccuracy,
        sharpness,
        sharpnessBound);
  }

  /** Whether this row has any held-out metric. */
  public boolean hasHeldOut() {
    return !Double.isNaN(trainLoss) || !Double.isNaN(testLoss) || !Double.isNaN(testAccuracy);
  }
}
