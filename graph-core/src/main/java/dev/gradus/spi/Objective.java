package dev.gradus.spi;

import java.util.List;
import java.util.Optional;

/**
 * A function f: ℝⁿ → ℝ to minimise, with its gradient.
 *
 * <p>Points are {@code double[]} of length {@link #dimension()}, coordinate i named {@link
 * #parameterNames()}{@code .get(i)}. Methods must not keep or modify the point. An objective
 * instance is used by one thread at a time, so it may reuse internal buffers; implementations built
 * on {@link GraphObjective} compute gradients by autodiff and allocate nothing per call.
 *
 * <p>A point of the wrong length throws {@link IllegalArgumentException} naming both lengths.
 */
public interface Objective {
  int dimension();

  /** One name per coordinate, such as {@code [x0, x1]} or the lecture's {@code [m, b]}. */
  List<String> parameterNames();

  /** f(x). */
  double value(double[] x);

  /**
   * f(x), with ∇f(x) written into {@code gradient} (of length {@link #dimension()}).
   *
   * @return f(x)
   */
  double valueAndGradient(double[] x, double[] gradient);

  /** The global minimum and all its minimizers, when known. */
  default Optional<KnownMinimum> knownMinimum() {
    return Optional.empty();
  }

  /** The search domain, when the function has one. */
  default Optional<Domain> domain() {
    return Optional.empty();
  }

  /**
   * Metrics on held-out data (SPI 1.2), when the objective has such data, such as a regression with
   * a test split. Objectives that wrap another should pass its metrics on.
   */
  default Optional<HeldOut> heldOut() {
    return Optional.empty();
  }

  /**
   * The steps of one epoch (SPI 1.2), one pass over training rows, when the objective has such
   * rows: 1 for a full-batch loss, ⌈rows / batch size⌉ for minibatches. A suite's {@code
   * max_epochs} needs it.
   */
  default java.util.OptionalLong stepsPerEpoch() {
    return java.util.OptionalLong.empty();
  }

  /**
   * The training rows the first {@code steps} steps draw, a row counted each time it is drawn (SPI
   * 1.3): {@code steps × rows} for a full-batch loss; for minibatches of b over n rows, n for each
   * whole epoch and b for each step of the epoch begun. A suite's {@code max_samples} needs it;
   * empty, by default, for an objective without training rows.
   */
  default java.util.OptionalLong samplesAfter(long steps) {
    return java.util.OptionalLong.empty();
  }

  /**
   * The parameters as named, shaped blocks over the flat vector (SPI 1.3), such as an MLP's {@code
   * W1 [64, 32]}, {@code b1 [32]}, …: views that must tile {@code [0, dimension())} ({@link
   * ParameterBlock#requireTiling}). {@link BlockAware} optimizers receive them, and suites' {@code
   * param_groups} select them by name. By default the one block {@code params [n]}. Objectives that
   * wrap another should pass its blocks on.
   */
  default List<ParameterBlock> blocks() {
    return ParameterBlock.whole(dimension());
  }

  /**
   * How {@link #hessianVectorProduct} computes (SPI 1.5): {@link HessianMethod#FINITE_DIFFERENCES}
   * by default, {@link HessianMethod#AUTODIFF} for a {@link GraphObjective}. Objectives that wrap
   * another pass its method on with its product.
   */
  default HessianMethod hessianMethod() {
    return HessianMethod.FINITE_DIFFERENCES;
  }

  /**
   * Writes H(x)·v, the Hessian of f at x times {@code direction}, into {@code out} (SPI 1.5). Both
   * have length {@link #dimension()}; neither x nor the direction is kept or modified, and out may
   * not alias them. The Hessian is that of {@link #value}: a {@link Stochastic} objective's product
   * is that of its deterministic loss and draws nothing.
   *
   * <p>By default, {@link HessianMethod#FINITE_DIFFERENCES} of {@link #valueAndGradient}: two
   * gradients at x ± hv (see there for the step), two arrays of the dimension allocated per call; v
   * = 0 gives 0 without evaluating. A {@link Stochastic} objective must override it, since its
   * gradients are samples; a {@link GraphObjective} computes it exactly by autodiff and allocates
   * nothing per call.
   *
   * @throws IllegalArgumentException for an array of the wrong length, naming it and both lengths
   */
  default void hessianVectorProduct(double[] x, double[] direction, double[] out) {
    requireDimension(this, x);
    requireLength(this, "direction", direction);
    requireLength(this, "out", out);
    double h = dev.gradus.graph.GradientCheck.directionalStep(x, direction);
    if (h == 0) {
      java.util.Arrays.fill(out, 0.0);
      return;
    }
    int n = x.length;
    double[] shifted = new double[n];
    double[] minus = new double[n];
    for (int i = 0; i < n; i++) {
      shifted[i] = x[i] + h * direction[i];
    }
    valueAndGradient(shifted, out);
    for (int i = 0; i < n; i++) {
      shifted[i] = x[i] - h * direction[i];
    }
    valueAndGradient(shifted, minus);
    for (int i = 0; i < n; i++) {
      out[i] = (out[i] - minus[i]) / (2 * h);
    }
  }

  /** The conventional starting point, when there is one; a fresh array on each call. */
  default Optional<double[]> defaultStart() {
    return Optional.empty();
  }

  /**
   * Throws the standard error for a buffer other than the point ({@code what}, such as a direction
   * or an output) whose length is not the dimension, naming it and both lengths.
   */
  static void requireLength(Objective objective, String what, double[] buffer) {
    if (buffer.length != objective.dimension()) {
      throw new IllegalArgumentException(
          what
              + " has "
              + buffer.length
              + " entries, but the dimension is "
              + objective.dimension());
    }
  }

  /**
   * Throws the standard error for a point of the wrong length, naming both lengths (and the
   * parameter names, when there are few enough to read).
   */
  static void requireDimension(Objective objective, double[] x) {
    int n = objective.dimension();
    if (x.length != n) {
      throw new IllegalArgumentException(
          "point has "
              + x.length
              + " coordinates, but the objective has dimension "
              + n
              + (n <= 10 ? " " + objective.parameterNames() : ""));
    }
  }
}
