package dev.gradus.functions.regression;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.List;

/**
 * Logistic regression: the mean binary cross-entropy of σ(X·w + b) against labels in {0, 1}. No
 * known minimum: on separable data the loss keeps falling as the weights grow.
 */
public final class LogisticRegression implements ObjectiveProvider {
  static final String ID = "logistic-regression";
  static final HyperParameter DATA =
      HyperParameter.structure(
          "data",
          "{csv: path, x: [columns], y: column of 0/1 labels}, {dataset: breast-cancer} or"
              + " {generate: {n, weights: [...], bias, seed}}, each with standardize: true|false"
              + " (default: true for breast-cancer); default: 50 rows labelled by σ(2x + 1)");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Logistic regression: mean binary cross-entropy of σ(X·w + b) on CSV or generated data";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(DATA, Minibatches.BATCH_SIZE);
  }

  @Override
  public String formula() {
    return "f(w, b) = (1/n)·Σᵢ [log(1 + exp(zᵢ)) − yᵢ·zᵢ], zᵢ = xᵢ·w + b";
  }

  @Override
  public Objective create(HyperParameters values) {
    DataSpec.Split split = DataSpec.split(values.structure(DATA.name()), true, true);
    requireLabels(split.train());
    if (split.test() != null) {
      requireLabels(split.test());
    }
    return MinibatchObjective.of(
        new RegressionObjective.CrossEntropy(split.train()).withTest(split.test(), true),
        split.train().rows(),
        values.integer(Minibatches.BATCH_SIZE.name()));
  }

  private static void requireLabels(Dataset data) {
    for (int i = 0; i < data.rows(); i++) {
      double y = data.targets()[i];
      if (y != 0 && y != 1) {
        throw DataSpec.invalid(
            "data: "
                + data.origin()
                + " row "
                + (i + 1)
                + " has label "
                + y
                + "; labels must be 0 or 1");
      }
    }
  }
}
