package dev.gradus.graph;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Compares an analytic gradient (autodiff or hand-derived) with central differences, for tests and
 * plugin authors.
 *
 * <p>The error of coordinate i is |aᵢ − nᵢ| / max(1, |aᵢ|, |nᵢ|): relative for large gradients,
 * absolute for gradients below 1, where a relative error would only measure the noise of the
 * numerical side.
 */
public final class GradientCheck {
  /** A tolerance central differences meet on smooth functions evaluated to full precision. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  private GradientCheck() {}

  /** The outcome of a check: both gradients and the worst coordinate. */
  public record Report(
      double[] analytic, double[] numerical, double maxError, int worstIndex, double tolerance) {
    public boolean passed() {
      return maxError <= tolerance;
    }

    @Override
    public String toString() {
      if (worstIndex < 0) {
        return "gradient check: no coordinates";
      }
      return String.format(
          Locale.ROOT,
          "gradient check %s: max error %.3e at coordinate %d (analytic %.17g, numerical %.17g),"
              + " tolerance %.1e",
          passed() ? "passed" : "FAILED",
          maxError,
          worstIndex,
          analytic[worstIndex],
          numerical[worstIndex],
          tolerance);
    }
  }

  /** Checks {@code analytic} against the central-difference gradient of f at x. */
  public static Report check(
      ToDoubleFunction<double[]> f, double[] x, double[] analytic, double tolerance) {
    double[] numerical = NumericalDiff.gradient(f, x.clone(), NumericalDiff.Scheme.CENTRAL);
    return compare(analytic.clone(), numerical, tolerance);
  }

  /**
   * Runs forward and backward on a graph with a scalar output and checks the autodiff gradient of
   * every variable that requires one against central differences.
   */
  public static Report check(Graph graph, double tolerance) {
    graph.forward().backward();
    int total = 0;
    for (Variable v : graph.variables()) {
      total += v.requiresGradient() ? v.size() : 0;
    }
    double[] analytic = new double[total];
    int at = 0;
    for (Variable v : graph.variables()) {
      if (v.requiresGradient()) {
        v.copyGradTo(analytic, at);
        at += v.size();
      }
    }
    return compare(analytic, NumericalDiff.gradient(graph), tolerance);
  }

  public static Report check(Graph graph) {
    return check(graph, DEFAULT_TOLERANCE);
  }

  /** The error measure of this class for one coordinate. */
  public static double error(double analytic, double numerical) {
    if (analytic == numerical) {
      return 0; // also equal infinities
    }
    double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numerical)));
    double error = Math.abs(analytic - numerical) / scale;
    return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
  }

  private static Report compare(double[] analytic, double[] numerical, double tolerance) {
    if (analytic.length != numerical.length) {
      throw new IllegalArgumentException(
          "gradient check: analytic gradient has "
              + analytic.length
              + " entries, expected "
              + numerical.length);
    }
    double worst = 0;
    int worstIndex = analytic.length == 0 ? -1 : 0;
    for (int i = 0; i < analytic.length; i++) {
      double e = error(analytic[i], numerical[i]);
      if (e > worst) {
        worst = e;
        worstIndex = i;
      }
    }
    return new Report(analytic, numerical, worst, worstIndex, tolerance);
  }
}
