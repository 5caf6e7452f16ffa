package dev.gradus.spi;

import dev.gradus.graph.Graph;
import dev.gradus.graph.Node;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import java.util.AbstractList;
import java.util.List;

/**
 * An objective whose value is a computation graph over one parameter vector {@code x}, and whose
 * gradient is therefore computed by reverse-mode autodiff, and its Hessian-vector products by
 * forward-over-reverse ({@link HessianMethod#AUTODIFF}). The graph is built once, on first use, and
 * re-run for every point; no call allocates, except the first Hessian-vector product, which
 * allocates the graph's tangent buffers.
 *
 * <p>Subclasses implement {@link #build}, and may override the optional methods of {@link
 * Objective}.
 */
public abstract class GraphObjective implements Objective {
  private final int dimension;
  private Variable x;
  private Node output;
  private Graph graph;

  protected GraphObjective(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
    }
    this.dimension = dimension;
  }

  /**
   * Builds f from the parameter vector {@code x} (shape [dimension]); the result must have one
   * element. Called once.
   */
  protected abstract Node build(Variable x);

  @Override
  public final int dimension() {
    return dimension;
  }

  /** {@code x0, x1, ...}; override to name coordinates. */
  @Override
  public List<String> parameterNames() {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return "x" + index;
      }

      @Override
      public int size() {
        return dimension;
      }
    };
  }

  /** The graph, built on first use; for DOT export and inspection. */
  public final Graph graph() {
    if (graph == null) {
      x = Variable.of("x", Tensor.zeros(dimension));
      output = build(x);
      if (output.size() != 1) {
        throw new IllegalStateException(
            getClass().getSimpleName()
                + ".build returned "
                + output.describe()
                + ", but an objective must have a single-element value");
      }
      graph = output.graph();
    }
    return graph;
  }

  @Override
  public double value(double[] point) {
    Objective.requireDimension(this, point);
    Graph g = graph();
    x.set(point, 0);
    g.forward();
    return output.valueAt(0);
  }

  @Override
  public double valueAndGradient(double[] point, double[] gradient) {
    Objective.requireDimension(this, point);
    if (gradient.length != dimension) {
      throw new IllegalArgumentException(
          "gradient buffer has " + gradient.length + " entries, dimension is " + dimension);
    }
    Graph g = graph();
    x.set(point, 0);
    g.forward().backward();
    x.copyGradTo(gradient, 0);
    return output.valueAt(0);
  }

  /** {@link HessianMethod#AUTODIFF}. */
  @Override
  public HessianMethod hessianMethod() {
    return HessianMethod.AUTODIFF;
  }

  /** H(x)·v exactly, by {@link Graph#hessianVectorProduct}: about two gradients' cost. */
  @Override
  public void hessianVectorProduct(double[] point, double[] direction, double[] out) {
    Objective.requireDimension(this, point);
    Objective.requireLength(this, "direction", direction);
    Objective.requireLength(this, "out", out);
    Graph g = graph();
    x.set(point, 0);
    g.hessianVectorProduct(direction, out);
  }
}
