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

  /**
   * Checks {@link Graph#jacobianVectorProduct} along {@code direction} against the central
   * difference of the output's values, (F(x + hv) − F(x − hv)) / 2h, every output element a
   * coordinate of the report. The step is {@link #directionalStep}. The variables are restored and
   * the graph re-run at the original point afterwards.
   *
   * @param direction v, of length {@link Graph#parameterCount()}
   */
  public static Report checkJacobianVectorProduct(
      Graph graph, double[] direction, double tolerance) {
    double[] analytic = new double[graph.output().size()];
    graph.jacobianVectorProduct(direction, analytic);
    double[] numerical =
        alongDirection(
            graph,
            direction,
            out -> {
              graph.forward();
              graph.output().copyValueTo(out, 0);
            },
            analytic.length);
    return compare(analytic, numerical, tolerance);
  }

  /**
   * Checks {@link Graph#hessianVectorProduct} along {@code direction} against the central
   * difference of autodiff gradients, (∇f(x + hv) − ∇f(x − hv)) / 2h, with the step of {@link
   * #directionalStep}: its error is O(h²) from truncation plus about ε·|∇f| / h from rounding, both
   * near 1e-10 for smooth functions of moderate size, so {@link #DEFAULT_TOLERANCE} holds with
   * room. The variables are restored and the graph re-run at the original point afterwards.
   *
   * @param direction v, of length {@link Graph#parameterCount()}
   */
  public static Report checkHessianVectorProduct(
      Graph graph, double[] direction, double tolerance) {
    double[] analytic = new double[graph.parameterCount()];
    graph.hessianVectorProduct(direction, analytic);
    double[] seed = {1.0};
    double[] numerical =
        alongDirection(
            graph, direction, out -> graph.vectorJacobianProduct(seed, out), analytic.length);
    return compare(analytic, numerical, tolerance);
  }

  /**
   * The step of the directional central differences: h = ∛ε·max(1, ‖x‖∞) / ‖v‖∞, so that no
   * coordinate moves by more than the step {@link NumericalDiff} takes for one coordinate of that
   * size; 0 for a zero direction.
   */
  public static double directionalStep(double[] x, double[] direction) {
    double xMax = 0;
    for (double xi : x) {
      xMax = Math.max(xMax, Math.abs(xi));
    }
    double vMax = 0;
    for (double vi : direction) {
      vMax = Math.max(vMax, Math.abs(vi));
    }
    return vMax == 0 ? 0 : Math.cbrt(Math.ulp(1.0)) * Math.max(1, xMax) / vMax;
  }

  /** (F(x + hv) − F(x − hv)) / 2h for F written by {@code evaluate} at the variables' values. */
  private static double[] alongDirection(
      Graph graph,
      double[] direction,
      java.util.function.Consumer<double[]> evaluate,
      int outputs) {
    int n = graph.parameterCount();
    if (direction.length != n) {
      throw new IllegalArgumentException(
          "direction has " + direction.length + " entries, but the graph has " + n + " parameters");
    }
    double[] x = new double[n];
    int at = 0;
    java.util.List<Variable> parameters = new java.util.ArrayList<>();
    for (Variable v : graph.variables()) {
      if (v.requiresGradient()) {
        parameters.add(v);
        v.copyValueTo(x, at);
        at += v.size();
      }
    }
    double h = directionalStep(x, direction);
    double[] numerical = new double[outputs];
    if (h == 0) {
      return numerical;
    }
    double[] shifted = new double[n];
    double[] plus = new double[outputs];
    double[] minus = new double[outputs];
    try {
      for (int i = 0; i < n; i++) {
        shifted[i] = x[i] + h * direction[i];
      }
      setAll(parameters, shifted);
      evaluate.accept(plus);
      for (int i = 0; i < n; i++) {
        shifted[i] = x[i] - h * direction[i];
      }
      setAll(parameters, shifted);
      evaluate.accept(minus);
    } finally {
      setAll(parameters, x);
      graph.forward();
    }
    for (int i = 0; i < outputs; i++) {
      numerical[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return numerical;
  }

  private static void setAll(java.util.List<Variable> parameters, double[] values) {
    int at = 0;
    for (Variable v : parameters) {
      v.set(values, at);
      at += v.size();
    }
  }

  /** The three checks of {@link #checkOperation}, each a {@link Report} over its coordinates. */
  public record OperationReport(
      Report gradient, Report jacobianVectorProduct, Report hessianVectorProduct) {
    public boolean passed() {
      return gradient.passed() && jacobianVectorProduct.passed() && hessianVectorProduct.passed();
    }

    @Override
    public String toString() {
      return "backward: "
          + gradient
          + "\ntangent: "
          + jacobianVectorProduct
          + "\nbackward tangent: "
          + hessianVectorProduct;
    }
  }

  /**
   * Checks a custom operation's four rules at {@code inputs} (one variable per input, each
   * requiring a gradient), with weights and directions drawn from a generator seeded by {@code
   * seed}: its backward rule by {@link #check(Graph, double)} on L = Σ w·y (w random, so that each
   * output element has its own gradient); its tangent rule by {@link #checkJacobianVectorProduct}
   * of y itself along a random direction; its backward tangent rule by {@link
   * #checkHessianVectorProduct} of L + Σ u·y² (u random), whose Hessian involves both the
   * operation's curvature and, through the square, its Jacobian. The forward rule is what the
   * differences differentiate. Pick inputs away from the operation's kinks.
   */
  public static OperationReport checkOperation(
      CustomOperation operation, double tolerance, long seed, Tensor... inputs) {
    java.util.Random random = new java.util.Random(seed);
    Variable[] variables = new Variable[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      variables[i] = Variable.of("x" + i, inputs[i]);
    }
    Node y = operation.apply(variables);
    Node w = Ops.constant(Tensor.wrap(y.shape, uniform(random, y.size())));
    Node u = Ops.constant(Tensor.wrap(y.shape, uniform(random, y.size())));
    Node linear = y.mul(w).sum();
    Report gradient = check(linear.graph(), tolerance);
    Graph values = Graph.of(y);
    double[] direction = uniform(random, values.parameterCount());
    Report tangent = checkJacobianVectorProduct(values, direction, tolerance);
    Graph curved = linear.add(y.square().mul(u).sum()).graph();
    Report second = checkHessianVectorProduct(curved, direction, tolerance);
    return new OperationReport(gradient, tangent, second);
  }

  private static double[] uniform(java.util.Random random, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 2 * random.nextDouble() - 1;
    }
    return values;
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
