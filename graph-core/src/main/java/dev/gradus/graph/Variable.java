package dev.gradus.graph;

import java.util.Arrays;

/**
 * A named input of a computation graph whose value can be changed between evaluations. After a
 * backward pass, {@link #grad()} holds the gradient of the output with respect to it.
 *
 * <p>A variable created with {@code requiresGradient = false} is a data input: it can be set, but
 * no gradient is computed for it (like a tensor with {@code requires_grad=False} in PyTorch).
 */
public final class Variable extends Node {
  private final boolean requiresGradient;

  /**
   * Counts the calls of {@code set}, so that a fused {@link TiledSegment} can tell whether the
   * values it would recompute an intermediate from are still those of the pass it ran.
   */
  int version;

  /**
   * A fused segment whose forward pass was deferred and reads this variable: it runs before the
   * value changes (see {@link TiledSegment#deferForward}).
   */
  TiledSegment pending;

  /**
   * {@link Node#nextId()} at the last {@code set}: a node with a smaller id was built (its value
   * computed) before that set. A fused segment compiled after such a set knows by this that its
   * members' values are not those of the current point.
   */
  long setAt = -1;

  private void beforeChange() {
    if (pending != null) {
      pending.runPendingForward();
    }
    setAt = Node.nextId();
  }

  private Variable(String name, Tensor initial, boolean requiresGradient) {
    super(requireName(name), initial.shapeInternal(), true, requiresGradient);
    this.requiresGradient = requiresGradient;
    System.arraycopy(initial.dataInternal(), 0, value, 0, value.length);
  }

  /** A variable that requires a gradient. */
  public static Variable of(String name, Tensor initial) {
    return new Variable(name, initial, true);
  }

  /** A data input that is set between evaluations but receives no gradient. */
  public static Variable data(String name, Tensor initial) {
    return new Variable(name, initial, false);
  }

  public static Variable scalar(String name, double initial) {
    return of(name, Tensor.scalar(initial));
  }

  public static Variable vector(String name, double... initial) {
    return of(name, Tensor.vector(initial));
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a variable needs a non-blank name");
    }
    return name;
  }

  public String name() {
    return op;
  }

  public boolean requiresGradient() {
    return requiresGradient;
  }

  /** Sets the value of a single-element variable. */
  public Variable set(double scalar) {
    if (value.length != 1) {
      throw new ShapeMismatchException(
          "set " + name() + ": a scalar does not fit shape " + Shapes.format(shape));
    }
    beforeChange();
    value[0] = scalar;
    version++;
    return this;
  }

  /** Sets every element, in row-major order; the length must equal {@link #size()}. */
  public Variable set(double... values) {
    return set(values, 0);
  }

  /**
   * Copies {@link #size()} values from {@code source} starting at {@code offset}, without
   * allocating. Objectives that pack several variables into one parameter vector use this.
   */
  public Variable set(double[] source, int offset) {
    if (offset < 0 || source.length - offset < value.length) {
      throw new ShapeMismatchException(
          "set "
              + name()
              + ": needs "
              + value.length
              + " values for shape "
              + Shapes.format(shape)
              + " from offset "
              + offset
              + ", but the source has "
              + source.length);
    }
    beforeChange();
    System.arraycopy(source, offset, value, 0, value.length);
    version++;
    return this;
  }

  public Variable set(Tensor tensor) {
    if (!Arrays.equals(tensor.shapeInternal(), shape)) {
      throw new ShapeMismatchException(
          "set "
              + name()
              + ": shape "
              + Shapes.format(tensor.shapeInternal())
              + " does not match the variable's shape "
              + Shapes.format(shape));
    }
    beforeChange();
    System.arraycopy(tensor.dataInternal(), 0, value, 0, value.length);
    version++;
    return this;
  }

  @Override
  void computeValue() {}

  @Override
  void propagateGrad() {}

  /** A variable's tangent is its block of the direction, which the graph writes before the pass. */
  @Override
  void computeTangent() {}

  @Override
  void propagateGradTangent() {}

  @Override
  public String describe() {
    return name() + " " + Shapes.format(shape);
  }
}
