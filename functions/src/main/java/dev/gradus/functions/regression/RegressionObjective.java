package dev.gradus.functions.regression;

import dev.gradus.functions.AnalyticGradient;
import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.HeldOut;
import dev.gradus.spi.KnownMinimum;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loss of the linear model z = X·w + b over a fixed dataset, with parameters (w, b) packed as one
 * vector: {@code m, b} for one feature (the lecture's m·x + b), else {@code w0..w{k−1}, b}.
 */
abstract class RegressionObjective extends GraphObjective implements BatchLoss {
  final Dataset data;
  private final String id;
  private final List<String> names;

  RegressionObjective(String id, Dataset data) {
    super(data.columns() + 1);
    this.id = id;
    this.data = data;
    List<String> names = new ArrayList<>();
    if (data.columns() == 1) {
      names.add("m");
    } else {
      for (int j = 0; j < data.columns(); j++) {
        names.add("w" + j);
      }
    }
    names.add("b");
    this.names = List.copyOf(names);
  }

  /** The linear predictor z = X·w + b, shape [n]. */
  final Node predictor(Variable parameters) {
    int k = data.columns();
    Node features = Ops.constant(Tensor.of(new int[] {data.rows(), k}, data.features()));
    Node weights = parameters.slice(0, 0, k);
    Node bias = parameters.slice(0, k, k + 1);
    return features.matmul(weights).add(bias);
  }

  final Node targets() {
    return Ops.constant(Tensor.vector(data.targets()));
  }

  @Override
  public List<String> parameterNames() {
    return names;
  }

  /**
   * {@code w [k]} then {@code b [1]}, as packed; the bias is a block of its own for param_groups.
   */
  @Override
  public List<dev.gradus.spi.ParameterBlock> blocks() {
    int k = data.columns();
    return List.of(
        dev.gradus.spi.ParameterBlock.vector("w", 0, k),
        dev.gradus.spi.ParameterBlock.vector("b", k, 1));
  }

  @Override
  public Optional<double[]> defaultStart() {
    return Optional.of(new double[dimension()]);
  }

  @Override
  public String toString() {
    return id + " (" + data.rows() + " rows of " + data.featureNames() + ")";
  }

  private HeldOut heldOut;

  /** This objective, with metrics on {@code test} (of the same columns), or as it is for null. */
  final RegressionObjective withTest(Dataset test, boolean classifier) {
    if (test != null) {
      RegressionObjective onTest = on(test);
      heldOut =
          new TestSplitMetrics(
              this, onTest, classifier ? x -> TestSplitMetrics.binaryAccuracy(test, x) : null);
    }
    return this;
  }

  /** The same loss on other rows. */
  abstract RegressionObjective on(Dataset rows);

  /** ∂loss/∂z of one row at z, its target y, for the batch gradient (∂z/∂w = x, ∂z/∂b = 1). */
  abstract double slope(double z, double y);

  /** The loss of one row at z, its target y, as the graph's mean adds it up. */
  abstract double rowLoss(double z, double y);

  @Override
  public final double batchGradient(double[] parameters, int[] rows, int count, double[] gradient) {
    int k = data.columns();
    java.util.Arrays.fill(gradient, 0, k + 1, 0);
    double loss = 0;
    for (int r = 0; r < count; r++) {
      int i = rows[r];
      double z = parameters[k];
      for (int j = 0; j < k; j++) {
        z += parameters[j] * data.features()[i * k + j];
      }
      double s = slope(z, data.targets()[i]) / count;
      loss += rowLoss(z, data.targets()[i]);
      for (int j = 0; j < k; j++) {
        gradient[j] += s * data.features()[i * k + j];
      }
      gradient[k] += s;
    }
    return loss / count;
  }

  @Override
  public Optional<HeldOut> heldOut() {
    return Optional.ofNullable(heldOut);
  }

  /** A full-batch loss: every step is a pass over the training rows. */
  @Override
  public java.util.OptionalLong stepsPerEpoch() {
    return java.util.OptionalLong.of(1);
  }

  @Override
  public java.util.OptionalLong samplesAfter(long steps) {
    return java.util.OptionalLong.of(steps * data.rows());
  }

  /** Mean squared error of ŷ = X·w + b. */
  static final class MeanSquaredError extends RegressionObjective implements AnalyticGradient {
    private final Optional<KnownMinimum> minimum;

    MeanSquaredError(Dataset data) {
      super(LinearRegression.ID, data);
      this.minimum =
          LeastSquares.solve(data)
              .map(theta -> KnownMinimum.at(LeastSquares.meanSquaredError(data, theta), theta));
    }

    @Override
    protected Node build(Variable x) {
      return predictor(x).sub(targets()).square().mean();
    }

    @Override
    RegressionObjective on(Dataset rows) {
      return new MeanSquaredError(rows);
    }

    @Override
    double slope(double z, double y) {
      return 2 * (z - y);
    }

    @Override
    double rowLoss(double z, double y) {
      return (z - y) * (z - y);
    }

    /** ∂/∂w = (2/n)·Xᵀr and ∂/∂b = (2/n)·Σr, with residuals r = X·w + b − y. */
    @Override
    public double analyticValueAndGradient(double[] x, double[] gradient) {
      dev.gradus.spi.Objective.requireDimension(this, x);
      int k = data.columns();
      int n = data.rows();
      java.util.Arrays.fill(gradient, 0);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double residual = x[k] - data.targets()[i];
        for (int j = 0; j < k; j++) {
          residual += x[j] * data.feature(i, j);
        }
        sum += residual * residual;
        for (int j = 0; j < k; j++) {
          gradient[j] += residual * data.feature(i, j);
        }
        gradient[k] += residual;
      }
      for (int j = 0; j <= k; j++) {
        gradient[j] *= 2.0 / n;
      }
      return sum / n;
    }

    @Override
    public Optional<KnownMinimum> knownMinimum() {
      return minimum;
    }
  }

  /**
   * Mean binary cross-entropy of σ(z) against labels y ∈ {0, 1}, in the stable form log(1 + eᶻ) −
   * y·z = max(z, 0) + log(1 + e^−|z|) − y·z, which never exponentiates a large positive number.
   */
  static final class CrossEntropy extends RegressionObjective {
    CrossEntropy(Dataset data) {
      super(LogisticRegression.ID, data);
    }

    @Override
    RegressionObjective on(Dataset rows) {
      return new CrossEntropy(rows);
    }

    /** σ(z) − y, with σ computed without overflow. */
    @Override
    double slope(double z, double y) {
      double p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      return p - y;
    }

    /** softplus(z) − y·z, in the graph's stable form max(z, 0) + log(1 + e^−|z|). */
    @Override
    double rowLoss(double z, double y) {
      return Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z))) - y * z;
    }

    @Override
    protected Node build(Variable x) {
      Node z = predictor(x);
      Node softplus = z.relu().add(z.abs().neg().exp().add(1).log());
      return softplus.sub(targets().mul(z)).mean();
    }
  }
}
