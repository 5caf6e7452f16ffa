package dev.gradus.functions.regression;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code softmax-regression}: multinomial logistic regression, the mean cross-entropy of
 * softmax(X·W + b) against class labels 0 … c − 1, by default on the shipped handwritten digits (64
 * pixels, 10 classes). The parameters are W (k × c, row-major: {@code w<feature>_<class>}) and then
 * b ({@code b<class>}), one vector; the default start is all zeros, where every class has
 * probability 1/c and the loss is ln c.
 */
public final class SoftmaxRegression implements ObjectiveProvider {
  static final String ID = "softmax-regression";
  static final HyperParameter DATA =
      HyperParameter.structure(
          "data",
          "{dataset: digits}, {dataset: breast-cancer} or {csv: path, x: [columns], y: column of"
              + " class labels 0, 1, …}, each with standardize: true|false (default: true for"
              + " breast-cancer, false otherwise); default: {dataset: digits}");

  /** At most this many classes: labels are small integers, not arbitrary numbers. */
  static final int MAX_CLASSES = 1000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Softmax regression: mean cross-entropy of softmax(X·W + b) over class labels,"
        + " by default on the shipped handwritten digits";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(DATA, Minibatches.BATCH_SIZE);
  }

  @Override
  public String formula() {
    return "f(W, b) = (1/n)·Σᵢ [log Σⱼ exp(zᵢⱼ) − zᵢ,yᵢ], zᵢ = xᵢ·W + b";
  }

  @Override
  public Objective create(HyperParameters values) {
    Labelled data = Labelled.of(values.structure(DATA.name()), ID);
    Loss loss = new Loss(data.split().train(), data.classes());
    Dataset test = data.split().test();
    if (test != null) {
      loss.heldOut =
          new TestSplitMetrics(
              loss,
              new Loss(test, data.classes()),
              x -> TestSplitMetrics.classAccuracy(test, data.classes(), x));
    }
    return MinibatchObjective.of(
        loss, data.split().train().rows(), values.integer(Minibatches.BATCH_SIZE.name()));
  }

  /**
   * A classifier's data: the rows {@code data} names (the digits by default; generated data has no
   * classes), split, with the classes of the training rows, every test label among them.
   */
  record Labelled(DataSpec.Split split, int classes) {
    static Labelled of(Object raw, String id) {
      if (raw instanceof Map<?, ?> map && map.containsKey("generate")) {
        throw DataSpec.invalid(
            "data.generate is not available for " + id + ": give a dataset or a CSV");
      }
      DataSpec.Split split =
          DataSpec.split(raw == null ? Map.of("dataset", "digits") : raw, false, true);
      int classes = SoftmaxRegression.classes(split.train());
      Dataset test = split.test();
      for (int i = 0; test != null && i < test.rows(); i++) {
        double y = test.targets()[i];
        if (!(y >= 0 && y == Math.rint(y) && y < classes)) {
          throw DataSpec.invalid(
              "data: "
                  + test.origin()
                  + " row "
                  + (i + 1)
                  + " has label "
                  + y
                  + ", a class the training split does not have (0 to "
                  + (classes - 1)
                  + ")");
        }
      }
      return new Labelled(split, classes);
    }
  }

  /**
   * c = the largest label + 1, after checking that every label is an integer in [0, c) and that
   * every class has a row.
   */
  static int classes(Dataset data) {
    double largest = 0;
    for (int i = 0; i < data.rows(); i++) {
      double y = data.targets()[i];
      if (!(y >= 0 && y == Math.rint(y) && y < MAX_CLASSES)) {
        throw DataSpec.invalid(
            "data: "
                + data.origin()
                + " row "
                + (i + 1)
                + " has label "
                + y
                + "; class labels must be integers 0, 1, … below "
                + MAX_CLASSES);
      }
      largest = Math.max(largest, y);
    }
    if (largest < 1) {
      throw DataSpec.invalid("data: " + data.origin() + " has one class only; need at least two");
    }
    int classes = (int) largest + 1;
    // labels 1…10 would leave a class 0 without rows, whose bias drifts to −∞ unnoticed
    boolean[] present = new boolean[classes];
    for (double y : data.targets()) {
      present[(int) y] = true;
    }
    for (int c = 0; c < classes; c++) {
      if (!present[c]) {
        throw DataSpec.invalid(
            "data: "
                + data.origin()
                + " has no row of class "
                + c
                + "; class labels must be 0, 1, …, "
                + (classes - 1)
                + " with every class present (renumber them from 0)");
      }
    }
    return classes;
  }

  /**
   * The loss, log-sum-exp stabilised by each row's largest logit m: log Σⱼ exp(zᵢⱼ) = mᵢ + log Σⱼ
   * exp(zᵢⱼ − mᵢ), which never exponentiates a positive number.
   */
  static final class Loss extends GraphObjective implements BatchLoss {
    final Dataset data;
    final int classes;
    private final List<String> names;
    private dev.gradus.spi.HeldOut heldOut;
    private final double[] logits;

    /** ∂/∂W = (1/B)·Xᵀ(P − Y) and ∂/∂b = mean(P − Y) over the batch's rows. */
    @Override
    public double batchGradient(double[] parameters, int[] rows, int count, double[] gradient) {
      int k = data.columns();
      java.util.Arrays.fill(gradient, 0);
      double loss = 0;
      for (int r = 0; r < count; r++) {
        int i = rows[r];
        double largest = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          double z = parameters[k * classes + c];
          for (int j = 0; j < k; j++) {
            z += data.features()[i * k + j] * parameters[j * classes + c];
          }
          logits[c] = z;
          largest = Math.max(largest, z);
        }
        int label = (int) data.targets()[i];
        double labelShifted = logits[label] - largest;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          logits[c] = Math.exp(logits[c] - largest);
          sum += logits[c];
        }
        // −log softmax(z)_label = log Σ e^(z − largest) − (z_label − largest)
        loss += Math.log(sum) - labelShifted;
        for (int c = 0; c < classes; c++) {
          double s = (logits[c] / sum - (c == label ? 1 : 0)) / count;
          for (int j = 0; j < k; j++) {
            gradient[j * classes + c] += s * data.features()[i * k + j];
          }
          gradient[k * classes + c] += s;
        }
      }
      return loss / count;
    }

    @Override
    public Optional<dev.gradus.spi.HeldOut> heldOut() {
      return Optional.ofNullable(heldOut);
    }

    @Override
    public java.util.OptionalLong stepsPerEpoch() {
      return java.util.OptionalLong.of(1);
    }

    @Override
    public java.util.OptionalLong samplesAfter(long steps) {
      return java.util.OptionalLong.of(steps * data.rows());
    }

    Loss(Dataset data, int classes) {
      super((data.columns() + 1) * classes);
      this.data = data;
      this.classes = classes;
      this.logits = new double[classes];
      List<String> names = new ArrayList<>();
      for (int j = 0; j < data.columns(); j++) {
        for (int c = 0; c < classes; c++) {
          names.add("w" + j + "_" + c);
        }
      }
      for (int c = 0; c < classes; c++) {
        names.add("b" + c);
      }
      this.names = List.copyOf(names);
    }

    @Override
    protected Node build(Variable parameters) {
      int n = data.rows();
      int k = data.columns();
      Node x = Ops.constant(Tensor.of(new int[] {n, k}, data.features()));
      Node w = parameters.slice(0, 0, k * classes).reshape(k, classes);
      Node b = parameters.slice(0, k * classes, (k + 1) * classes);
      return crossEntropy(x.matmul(w).add(b), data, classes);
    }

    /**
     * The mean cross-entropy of softmax(z) against {@code data}'s labels, for logits z of shape
     * [rows, classes]; log-sum-exp stabilised by each row's largest logit.
     */
    static Node crossEntropy(Node z, Dataset data, int classes) {
      int n = data.rows();
      Node largest = Ops.max(z, 1).reshape(n, 1);
      Node logSumExp = z.sub(largest).exp().sum(1).log().add(largest.reshape(n));
      double[] y = new double[n * classes];
      for (int i = 0; i < n; i++) {
        y[i * classes + (int) data.targets()[i]] = 1;
      }
      Node picked = Ops.sum(z.mul(Ops.constant(Tensor.of(new int[] {n, classes}, y))), 1);
      return logSumExp.sub(picked).mean();
    }

    @Override
    public List<String> parameterNames() {
      return names;
    }

    /** {@code W [k, c]} (row-major, as packed) then {@code b [c]}. */
    @Override
    public List<dev.gradus.spi.ParameterBlock> blocks() {
      int k = data.columns();
      return List.of(
          dev.gradus.spi.ParameterBlock.matrix("W", 0, k, classes),
          dev.gradus.spi.ParameterBlock.vector("b", k * classes, classes));
    }

    @Override
    public Optional<double[]> defaultStart() {
      return Optional.of(new double[dimension()]);
    }

    @Override
    public String toString() {
      return ID
          + " ("
          + data.rows()
          + " rows, "
          + data.columns()
          + " features, "
          + classes
          + " classes)";
    }
  }
}
