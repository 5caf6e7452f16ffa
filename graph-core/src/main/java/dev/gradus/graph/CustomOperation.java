package dev.gradus.graph;

import java.util.Objects;

/**
 * An operation defined outside graph-core, such as in a plugin: its forward rule, its backward rule
 * (the vector-Jacobian product) and its two second-order rules (the tangent of its value and of its
 * backward step), from which graphs that use it get gradients, Jacobian-vector and Hessian-vector
 * products as for the built-in operations. Check the rules with {@link
 * GradientCheck#checkOperation}; docs/graph.md has a worked example.
 *
 * <p>An instance holds no state of a pass: {@link #apply} makes a node that owns the arrays, and
 * the rules read and write them through {@link Operands}. The same instance may be applied any
 * number of times, in any number of graphs. The rules are called in this order and only then:
 * {@link #forward} when the node is built and on every forward pass; {@link #backward} in a
 * backward pass, after every consumer of the node has added to its gradient; {@link #tangent} in a
 * second-order pass after {@link #forward}, only when the node depends on a variable that requires
 * a gradient; {@link #backwardTangent} after {@link #backward} in a Hessian-vector product. Rules
 * must write only the arrays their documentation names, keep no reference to any array, and
 * allocate nothing if the graph's passes are to allocate nothing. Arrays are flat, row-major. Nodes
 * of custom operations always run node by node, never fused.
 */
public abstract class CustomOperation {
  private final String name;

  /** An operation called {@code name} in descriptions, error messages and DOT output. */
  protected CustomOperation(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a custom operation needs a non-blank name");
    }
    this.name = name;
  }

  public final String name() {
    return name;
  }

  /**
   * The result's shape for inputs of these shapes (copies, one per input), called once by each
   * {@link #apply}.
   *
   * @throws ShapeMismatchException (or IllegalArgumentException) naming the operation and the
   *     shapes when they do not fit
   */
  protected abstract int[] shape(int[][] inputShapes);

  /** Writes the whole {@link Operands#value()} from the inputs' {@link Operands#input} values. */
  protected abstract void forward(Operands operands);

  /**
   * Adds Jᵢᵀ·g, for g = {@link Operands#grad()} and Jᵢ the Jacobian of the value with respect to
   * input i, to {@link Operands#inputGrad}(i) for each input that has one (non-null).
   */
  protected abstract void backward(Operands operands);

  /**
   * Writes the whole {@link Operands#tangent()}: Σᵢ Jᵢ·ṫᵢ, the derivative of the value along the
   * inputs' tangents ṫᵢ = {@link Operands#inputTangent}(i), where a null tangent is zero.
   */
  protected abstract void tangent(Operands operands);

  /**
   * Adds the tangent of {@link #backward}'s contribution to {@link Operands#inputGradTangent}(i)
   * for each input that has one (non-null): Jᵢᵀ·ġ + J̇ᵢᵀ·g, with ġ = {@link Operands#gradTangent()}
   * and J̇ᵢ the derivative of Jᵢ along the inputs' tangents (null ones zero). For an elementwise y
   * = φ(x) that is φ'(x)·ġ + φ''(x)·ẋ·g.
   */
  protected abstract void backwardTangent(Operands operands);

  /**
   * A node applying this operation to {@code inputs}, its value computed at once (define-by-run, as
   * every operation).
   *
   * @throws IllegalArgumentException without inputs, or for a shape with a negative dimension
   */
  public final Node apply(Node... inputs) {
    Objects.requireNonNull(inputs, "inputs");
    if (inputs.length == 0) {
      throw new IllegalArgumentException(name + ": a custom operation needs at least one input");
    }
    int[][] shapes = new int[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      Objects.requireNonNull(inputs[i], () -> name + ": input is null");
      shapes[i] = inputs[i].shape.clone();
    }
    int[] shape = Shapes.checked(Objects.requireNonNull(shape(shapes), name + ": shape is null"));
    return Ops.evaluated(new CustomNode(this, shape, inputs.clone()));
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * The arrays of one application of the operation, as its rules see them. Input arrays are to be
   * read; the documentation of each rule says which arrays it writes.
   */
  public interface Operands {
    int inputCount();

    /** A copy of input i's shape. */
    int[] inputShape(int input);

    /** The shape of the result. A copy. */
    int[] shape();

    /** Input i's value. */
    double[] input(int input);

    /** Input i's tangent, or null when it is zero (the input depends on no variable). */
    double[] inputTangent(int input);

    /** Input i's gradient, to add to; null when the input needs none. */
    double[] inputGrad(int input);

    /** The tangent of input i's gradient, to add to; null when the input needs no gradient. */
    double[] inputGradTangent(int input);

    /** The result's value: written by {@link #forward}, read by the other rules. */
    double[] value();

    /** The gradient of the graph's output with respect to the result, complete in the backward. */
    double[] grad();

    /** The result's tangent: written by {@link #tangent}. */
    double[] tangent();

    /** The tangent of {@link #grad()}, complete in the Hessian-vector product's backward pass. */
    double[] gradTangent();
  }
}
