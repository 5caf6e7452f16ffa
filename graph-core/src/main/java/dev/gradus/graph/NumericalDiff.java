package dev.gradus.graph;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Finite-difference derivatives: the lecture's "numerical differentiation", used to check the
 * analytic derivatives that the graph computes.
 *
 * <p>Step sizes follow the usual rule that balances truncation against rounding error: h =
 * √ε·max(1, |x|) for one-sided differences (error O(h)) and h = ∛ε·max(1, |x|) for central ones
 * (error O(h²)), with ε the machine epsilon 2⁻⁵². The step is then adjusted so that x + h − x == h
 * exactly, which removes the representation error of x + h from the quotient.
 */
public final class NumericalDiff {
  private static final double SQRT_EPSILON = Math.sqrt(Math.ulp(1.0));
  private static final double CBRT_EPSILON = Math.cbrt(Math.ulp(1.0));

  /** Which side the difference quotient looks at. */
  public enum Scheme {
    /** (f(x + h) − f(x)) / h. */
    FORWARD,
    /** (f(x) − f(x − h)) / h. */
    BACKWARD,
    /** (f(x + h) − f(x − h)) / 2h. */
    CENTRAL
  }

  private NumericalDiff() {}

  /** The step this class uses at {@code x} for {@code scheme}. */
  public static double step(double x, Scheme scheme) {
    double h =
        (scheme == Scheme.CENTRAL ? CBRT_EPSILON : SQRT_EPSILON) * Math.max(1.0, Math.abs(x));
    double shifted = x + h;
    return shifted - x;
  }

  /** The derivative of a one-variable function at x. */
  public static double derivative(DoubleUnaryOperator f, double x, Scheme scheme) {
    double h = step(x, scheme);
    return switch (scheme) {
      case FORWARD -> (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
      case BACKWARD -> (f.applyAsDouble(x) - f.applyAsDouble(x - h)) / h;
      case CENTRAL -> (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    };
  }

  /** The gradient of f at x, one partial derivative per coordinate. x is left unchanged. */
  public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, Scheme scheme) {
    double[] gradient = new double[x.length];
    gradient(f, x, scheme, gradient);
    return gradient;
  }

  /**
   * Writes the gradient of f at x into {@code out}. Each coordinate of x is perturbed in place and
   * restored, so f sees x itself (no copy): f must not keep a reference to it.
   */
  public static void gradient(
      ToDoubleFunction<double[]> f, double[] x, Scheme scheme, double[] out) {
    if (out.length != x.length) {
      throw new IllegalArgumentException(
          "gradient: output length " + out.length + " differs from point length " + x.length);
    }
    double center = scheme == Scheme.CENTRAL ? Double.NaN : f.applyAsDouble(x);
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double h = step(xi, scheme);
      try {
        switch (scheme) {
          case FORWARD -> {
            x[i] = xi + h;
            out[i] = (f.applyAsDouble(x) - center) / h;
          }
          case BACKWARD -> {
            x[i] = xi - h;
            out[i] = (center - f.applyAsDouble(x)) / h;
          }
          case CENTRAL -> {
            x[i] = xi + h;
            double plus = f.applyAsDouble(x);
            x[i] = xi - h;
            double minus = f.applyAsDouble(x);
            out[i] = (plus - minus) / (2 * h);
          }
        }
      } finally {
        x[i] = xi;
      }
    }
  }

  /**
   * The gradient of a graph's scalar output with respect to every element of every variable that
   * requires a gradient, by central differences; variables are restored afterwards and the graph is
   * re-run at the original point. The result lists the variables in {@link Graph#variables()}
   * order, each flattened row-major.
   */
  public static double[] gradient(Graph graph) {
    Node output = graph.output();
    if (output.value.length != 1) {
      throw new IllegalStateException(
          "numerical gradient needs a scalar output, but "
              + output.describe()
              + " has "
              + output.value.length
              + " elements");
    }
    int total = 0;
    for (Variable v : graph.variables()) {
      total += v.requiresGradient() ? v.value.length : 0;
    }
    double[] out = new double[total];
    int at = 0;
    for (Variable v : graph.variables()) {
      if (!v.requiresGradient()) {
        continue;
      }
      double[] values = v.value;
      for (int i = 0; i < values.length; i++, at++) {
        double xi = values[i];
        double h = step(xi, Scheme.CENTRAL);
        values[i] = xi + h;
        double plus = graph.forward().output().valueAt(0);
        values[i] = xi - h;
        double minus = graph.forward().output().valueAt(0);
        values[i] = xi;
        out[at] = (plus - minus) / (2 * h);
      }
    }
    graph.forward();
    return out;
  }
}
