package dev.gradus.functions.catalog;

import dev.gradus.functions.AnalyticGradient;
import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.KnownMinimum;
import java.util.List;
import java.util.Optional;

/** One catalog function at one dimension; value and gradient by autodiff through its graph. */
class CatalogObjective extends GraphObjective {
  final TestFunction function;
  private final List<String> names;

  CatalogObjective(TestFunction function, int dimension) {
    super(dimension);
    this.function = function;
    this.names = function.parameterNames(dimension);
  }

  @Override
  protected Node build(Variable x) {
    return function.build(x, dimension());
  }

  @Override
  public List<String> parameterNames() {
    return names == null ? super.parameterNames() : names;
  }

  @Override
  public double value(double[] point) {
    requireLength(point);
    return super.value(point);
  }

  @Override
  public double valueAndGradient(double[] point, double[] gradient) {
    requireLength(point);
    return super.valueAndGradient(point, gradient);
  }

  /**
   * The standard check, without listing every coordinate name: at a million dimensions the list
   * would dwarf the message.
   */
  final void requireLength(double[] point) {
    if (point.length != dimension()) {
      throw new IllegalArgumentException(
          "point has "
              + point.length
              + " coordinates, but "
              + this
              + " has dimension "
              + dimension());
    }
  }

  @Override
  public Optional<KnownMinimum> knownMinimum() {
    return Optional.of(function.minimum(dimension()));
  }

  @Override
  public Optional<Domain> domain() {
    return Optional.of(function.domain(dimension()));
  }

  @Override
  public Optional<double[]> defaultStart() {
    return Optional.of(function.start(dimension()));
  }

  @Override
  public String toString() {
    return function.scalable() ? function.id() + " (dim " + dimension() + ")" : function.id();
  }

  /** A catalog function that also has a hand-derived gradient. */
  static final class WithAnalyticGradient extends CatalogObjective implements AnalyticGradient {
    WithAnalyticGradient(TestFunction function, int dimension) {
      super(function, dimension);
    }

    @Override
    public double analyticValueAndGradient(double[] x, double[] gradient) {
      requireLength(x);
      if (gradient.length != dimension()) {
        throw new IllegalArgumentException(
            "gradient buffer has " + gradient.length + " entries, dimension is " + dimension());
      }
      return ((TestFunction.HandDerived) function).valueAndGradient(x, gradient);
    }
  }
}
