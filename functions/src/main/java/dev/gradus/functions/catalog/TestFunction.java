package dev.gradus.functions.catalog;

import dev.gradus.functions.GradientMethod;
import dev.gradus.functions.GradientOptions;
import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.Range;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The shared shape of the catalog's providers: a formula built as a graph, its box domain, global
 * minimum and conventional start, for either a fixed dimension or a {@code dim} hyperparameter.
 */
abstract class TestFunction implements ObjectiveProvider, GradientOptions {
  static final String DIMENSION = "dim";
  static final long DEFAULT_DIMENSION = 2;
  static final long MAX_DIMENSION = 10_000_000;

  private final String id;
  private final String description;
  private final String formula;
  private final int fixedDimension;
  private final List<HyperParameter> hyperParameters;

  /** A function of exactly {@code dimension} variables. */
  TestFunction(String id, String description, String formula, int dimension) {
    this.id = id;
    this.description = description;
    this.formula = formula;
    this.fixedDimension = dimension;
    this.hyperParameters = List.of();
  }

  /** A function of any dimension from {@code minDimension} on, chosen by {@code dim}. */
  TestFunction(String id, String description, String formula, long minDimension) {
    this.id = id;
    this.description = description;
    this.formula = formula;
    this.fixedDimension = 0;
    this.hyperParameters =
        List.of(
            HyperParameter.integer(
                DIMENSION,
                DEFAULT_DIMENSION,
                Range.closed(minDimension, MAX_DIMENSION),
                "number of variables n"));
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final String formula() {
    return formula;
  }

  @Override
  public final List<HyperParameter> hyperParameters() {
    return hyperParameters;
  }

  @Override
  public final Objective create(HyperParameters values) {
    int dimension = fixedDimension > 0 ? fixedDimension : (int) values.integer(DIMENSION);
    return this instanceof HandDerived
        ? new CatalogObjective.WithAnalyticGradient(this, dimension)
        : new CatalogObjective(this, dimension);
  }

  @Override
  public Set<GradientMethod> gradientMethods() {
    return this instanceof HandDerived
        ? EnumSet.allOf(GradientMethod.class)
        : EnumSet.of(GradientMethod.AUTODIFF, GradientMethod.NUMERICAL);
  }

  /** True when {@code dim} chooses the dimension. */
  final boolean scalable() {
    return fixedDimension == 0;
  }

  /** f as a graph over {@code x} of shape [dimension]. */
  abstract Node build(Variable x, int dimension);

  abstract Domain domain(int dimension);

  abstract KnownMinimum minimum(int dimension);

  /** The conventional starting point, inside the domain and not a minimizer. */
  abstract double[] start(int dimension);

  /** Coordinate names; {@code x, y} for two fixed variables, {@code x0, x1, ...} otherwise. */
  List<String> parameterNames(int dimension) {
    return !scalable() && dimension == 2 ? List.of("x", "y") : null;
  }

  /** A function with a hand-derived gradient, cross-checked against autodiff in tests. */
  interface HandDerived {
    /** f(x), with ∇f(x) written into {@code gradient}; x has the right length. */
    double valueAndGradient(double[] x, double[] gradient);
  }
}
