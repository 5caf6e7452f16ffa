package dev.gradus.functions.regression;

import dev.gradus.functions.GradientMethod;
import dev.gradus.functions.GradientOptions;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Least-squares linear regression, the lecture's example: the mean squared error of ŷ = X·w + b
 * over CSV or generated data. Its known minimum is the least-squares fit.
 */
public final class LinearRegression implements ObjectiveProvider, GradientOptions {
  static final String ID = "linear-regression";
  static final HyperParameter DATA =
      HyperParameter.structure(
          "data",
          "{csv: path, x: [columns], y: column}, {dataset: breast-cancer | digits} or {generate:"
              + " {n, weights: [...], bias, noise, seed}}, each with standardize: true|false"
              + " (default: true for breast-cancer); default: 50 generated rows of y = 2x + 1 + 0.5·N(0, 1)");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Linear regression: mean squared error of X·w + b on CSV or generated data";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(DATA, Minibatches.BATCH_SIZE);
  }

  @Override
  public String formula() {
    return "f(w, b) = (1/n)·Σᵢ (xᵢ·w + b − yᵢ)²";
  }

  @Override
  public Objective create(HyperParameters values) {
    DataSpec.Split split = DataSpec.split(values.structure(DATA.name()), false, false);
    return MinibatchObjective.of(
        new RegressionObjective.MeanSquaredError(split.train()).withTest(split.test(), false),
        split.train().rows(),
        values.integer(Minibatches.BATCH_SIZE.name()));
  }

  @Override
  public Set<GradientMethod> gradientMethods() {
    return EnumSet.allOf(GradientMethod.class);
  }
}
