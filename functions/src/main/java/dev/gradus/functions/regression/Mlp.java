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
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Range;
import dev.gradus.spi.Stochastic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multilayer perceptron classifier: hidden layers of the given widths with one activation, a
 * linear output layer of one unit per class, and the mean softmax cross-entropy, on the digits by
 * default. Parameters are packed layer by layer, each as W (inputs × units, row-major) then b. The
 * default start is Glorot's uniform initialisation (weights uniform in ±√(6 / (inputs + units)),
 * biases 0) drawn from the run's stream, so each repeat starts from its own network.
 */
public final class Mlp implements ObjectiveProvider {
  static final String ID = "mlp";

  static final HyperParameter DATA =
      HyperParameter.structure(
          "data", "rows and class labels, as for softmax-regression; default {dataset: digits}");
  static final HyperParameter HIDDEN =
      HyperParameter.reals(
          "hidden", List.of(32.0), 0, Range.closed(1, 4096), "units of each hidden layer");
  static final HyperParameter ACTIVATION =
      HyperParameter.choice(
          "activation",
          "tanh",
          List.of("tanh", "relu", "sigmoid"),
          "the hidden layers' activation");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Multilayer perceptron classifier (softmax cross-entropy), Glorot-initialised from the"
        + " run's seed";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(DATA, HIDDEN, ACTIVATION, Minibatches.BATCH_SIZE);
  }

  @Override
  public String formula() {
    return "f(θ) = (1/n) Σᵢ −log softmax(z_L(xᵢ))_{yᵢ}, z_l = a_{l−1} W_l + b_l, a_l = act(z_l)";
  }

  @Override
  public Objective create(HyperParameters values) {
    SoftmaxRegression.Labelled data =
        SoftmaxRegression.Labelled.of(values.structure(DATA.name()), ID);
    DataSpec.Split split = data.split();
    int classes = data.classes();
    double[] hidden = values.reals(HIDDEN.name());
    int[] widths = new int[hidden.length + 2];
    widths[0] = split.train().columns();
    for (int l = 0; l < hidden.length; l++) {
      if (hidden[l] != Math.rint(hidden[l])) {
        throw new dev.gradus.spi.InvalidHyperParameterException(
            HIDDEN.name(), "hidden = " + Arrays.toString(hidden) + ": units must be whole numbers");
      }
      widths[l + 1] = (int) hidden[l];
    }
    widths[widths.length - 1] = classes;
    Activation activation =
        Activation.valueOf(values.text(ACTIVATION.name()).toUpperCase(java.util.Locale.ROOT));
    Loss loss = new Loss(split.train(), widths, activation);
    if (split.test() != null) {
      Dataset test = split.test();
      Loss onTest = new Loss(test, widths, activation);
      loss.heldOut = new TestSplitMetrics(loss, onTest, x -> onTest.accuracy(x));
    }
    return MinibatchObjective.of(
        loss, split.train().rows(), values.integer(Minibatches.BATCH_SIZE.name()));
  }

  /** The hidden layers' activation, with its derivative from its value. */
  enum Activation {
    TANH,
    RELU,
    SIGMOID;

    Node apply(Node z) {
      return switch (this) {
        case TANH -> z.tanh();
        case RELU -> z.relu();
        case SIGMOID -> z.sigmoid();
      };
    }

    double apply(double z) {
      return switch (this) {
        case TANH -> Math.tanh(z);
        case RELU -> z > 0 ? z : 0;
        case SIGMOID -> z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      };
    }

    /**
     * z[i] ← act(z[i]) for i < n; one loop per activation, so that none tests which per element.
     */
    void applyInPlace(double[] z, int n) {
      switch (this) {
        case TANH -> {
          for (int i = 0; i < n; i++) {
            z[i] = Math.tanh(z[i]);
          }
        }
        case RELU -> {
          for (int i = 0; i < n; i++) {
            z[i] = z[i] > 0 ? z[i] : 0;
          }
        }
        case SIGMOID -> {
          for (int i = 0; i < n; i++) {
            z[i] = apply(z[i]);
          }
        }
      }
    }

    /** d[i] ← d[i]·act'(z) for i < n, with act'(z) from the activation a[i] = act(z). */
    void multiplySlope(double[] d, double[] a, int n) {
      switch (this) {
        case TANH -> {
          for (int i = 0; i < n; i++) {
            d[i] *= 1 - a[i] * a[i];
          }
        }
        case RELU -> {
          for (int i = 0; i < n; i++) {
            d[i] *= a[i] > 0 ? 1 : 0;
          }
        }
        case SIGMOID -> {
          for (int i = 0; i < n; i++) {
            d[i] *= a[i] * (1 - a[i]);
          }
        }
      }
    }
  }

  /**
   * The network's mean cross-entropy on a dataset. Value, gradient, batch gradients and accuracy
   * are computed by hand-written passes over preallocated buffers with {@link DenseProducts}, and
   * allocate nothing; the graph ({@link #build}) defines the same loss and serves as the check of
   * those passes and for the graph's export.
   */
  static final class Loss extends GraphObjective implements BatchLoss, Stochastic {
    final Dataset data;
    final int[] widths;
    final Activation activation;

    /** Where each layer's W and b start in the parameter vector. */
    final int[] weightsAt;

    final int[] biasAt;
    private final List<String> names;
    private dev.gradus.spi.HeldOut heldOut;
    private RandomStream stream = new RandomStream(0);

    /**
     * Rows per pass through the network: the height of the buffers below. A minibatch up to this
     * size is one pass; larger batches and the full training set are cut into passes of this many.
     */
    static final int BLOCK_ROWS = 128;

    /**
     * Each layer's values for a block of rows (layer 0: a minibatch's gathered inputs), and their
     * deltas (layers 1 …), {@link #BLOCK_ROWS} × width each; then each layer's weights transposed
     * (layers 1 …), for the deltas of the layer below. Made once, so no call allocates; an instance
     * is therefore confined to one thread, as {@link Objective} allows, and a run gets its own.
     */
    private final double[][] values;

    private final double[][] deltas;
    private final double[][] transposed;

    Loss(Dataset data, int[] widths, Activation activation) {
      super(parameters(widths));
      this.data = data;
      this.widths = widths.clone();
      this.activation = activation;
      int layers = widths.length - 1;
      weightsAt = new int[layers];
      biasAt = new int[layers];
      List<String> n = new ArrayList<>();
      int at = 0;
      for (int l = 0; l < layers; l++) {
        weightsAt[l] = at;
        for (int i = 0; i < widths[l]; i++) {
          for (int j = 0; j < widths[l + 1]; j++) {
            n.add("l" + (l + 1) + ".w" + i + "_" + j);
          }
        }
        at += widths[l] * widths[l + 1];
        biasAt[l] = at;
        for (int j = 0; j < widths[l + 1]; j++) {
          n.add("l" + (l + 1) + ".b" + j);
        }
        at += widths[l + 1];
      }
      names = List.copyOf(n);
      values = new double[layers + 1][];
      deltas = new double[layers + 1][];
      transposed = new double[layers][];
      for (int l = 0; l <= layers; l++) {
        values[l] = new double[BLOCK_ROWS * widths[l]];
        deltas[l] = new double[l == 0 ? 0 : BLOCK_ROWS * widths[l]];
      }
      for (int l = 0; l < layers; l++) {
        transposed[l] = new double[l == 0 ? 0 : widths[l] * widths[l + 1]];
      }
    }

    static int parameters(int[] widths) {
      int p = 0;
      for (int l = 0; l + 1 < widths.length; l++) {
        p += (widths[l] + 1) * widths[l + 1];
      }
      return p;
    }

    @Override
    protected Node build(Variable parameters) {
      int n = data.rows();
      Node a = Ops.constant(Tensor.of(new int[] {n, widths[0]}, data.features()));
      int layers = widths.length - 1;
      for (int l = 0; l < layers; l++) {
        int in = widths[l];
        int out = widths[l + 1];
        Node w = parameters.slice(0, weightsAt[l], weightsAt[l] + in * out).reshape(in, out);
        Node b = parameters.slice(0, biasAt[l], biasAt[l] + out);
        Node z = a.matmul(w).add(b);
        a = l + 1 < layers ? activation.apply(z) : z;
      }
      return SoftmaxRegression.Loss.crossEntropy(a, data, widths[layers]);
    }

    /**
     * The mean loss over all training rows by the hand-written forward pass (the graph computes the
     * same, slower; {@link #graphValueAndGradient} keeps it reachable for the tests).
     */
    @Override
    public double value(double[] x) {
      Objective.requireDimension(this, x);
      return pass(x, null, data.rows(), null);
    }

    /** The full-batch loss and gradient by hand: {@link #batchGradient} over every row. */
    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
      Objective.requireDimension(this, x);
      if (gradient.length != dimension()) {
        throw new IllegalArgumentException(
            "gradient buffer has " + gradient.length + " entries, dimension is " + dimension());
      }
      return pass(x, null, data.rows(), gradient);
    }

    /**
     * Value and gradient through the graph, by autodiff: what the hand-written passes must match.
     */
    double graphValueAndGradient(double[] x, double[] gradient) {
      return super.valueAndGradient(x, gradient);
    }

    /** Backpropagation over the batch's rows, written out: a forward pass, then one back. */
    @Override
    public void batchGradient(double[] p, int[] rows, int count, double[] gradient) {
      pass(p, rows, count, gradient);
    }

    /**
     * The mean loss over the rows {@code rows[0 … count)} (over rows 0 … count − 1, read in place,
     * when {@code rows} is null), with its gradient written into {@code gradient} unless that is
     * null. The rows go through the network {@link #BLOCK_ROWS} at a time; the gradient and the
     * loss still add the rows' terms in row order, so the block size changes no result.
     */
    private double pass(double[] p, int[] rows, int count, double[] gradient) {
      int layers = widths.length - 1;
      if (gradient != null) {
        Arrays.fill(gradient, 0);
        for (int l = 1; l < layers; l++) {
          DenseProducts.transpose(p, weightsAt[l], widths[l], widths[l + 1], transposed[l]);
        }
      }
      int k = widths[0];
      int c = widths[layers];
      double[] logits = values[layers];
      double[] top = deltas[layers];
      double total = 0;
      for (int r0 = 0; r0 < count; r0 += BLOCK_ROWS) {
        int n = Math.min(BLOCK_ROWS, count - r0);
        double[] input = data.features();
        int inputAt = r0 * k;
        if (rows != null) {
          for (int r = 0; r < n; r++) {
            System.arraycopy(input, rows[r0 + r] * k, values[0], r * k, k);
          }
          input = values[0];
          inputAt = 0;
        }
        forward(p, input, inputAt, n);
        for (int r = 0; r < n; r++) {
          int at = r * c;
          double largest = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < c; j++) {
            largest = Math.max(largest, logits[at + j]);
          }
          double sum = 0;
          for (int j = 0; j < c; j++) {
            top[at + j] = Math.exp(logits[at + j] - largest);
            sum += top[at + j];
          }
          int label = (int) data.targets()[rows == null ? r0 + r : rows[r0 + r]];
          total += Math.log(sum) + largest - logits[at + label];
          if (gradient != null) {
            // the output's delta: softmax minus the one-hot label, over the batch's mean
            for (int j = 0; j < c; j++) {
              top[at + j] = (top[at + j] / sum - (j == label ? 1 : 0)) / count;
            }
          }
        }
        if (gradient != null) {
          backward(p, input, inputAt, n, gradient);
        }
      }
      return total / count;
    }

    /** Each layer's values for {@code n} rows of inputs at {@code input[inputAt …]}. */
    private void forward(double[] p, double[] input, int inputAt, int n) {
      int layers = widths.length - 1;
      for (int l = 0; l < layers; l++) {
        int in = widths[l];
        int out = widths[l + 1];
        double[] z = values[l + 1];
        // the bias first, so that each unit's sum runs b + a₀w₀ + a₁w₁ + … as the graph's does
        for (int r = 0; r < n; r++) {
          System.arraycopy(p, biasAt[l], z, r * out, out);
        }
        DenseProducts.multiplyAdd(
            l == 0 ? input : values[l], l == 0 ? inputAt : 0, p, weightsAt[l], z, 0, n, in, out);
        if (l + 1 < layers) {
          activation.applyInPlace(z, n * out);
        }
      }
    }

    /** Adds the block's share to {@code gradient}, from the output's deltas down. */
    private void backward(double[] p, double[] input, int inputAt, int n, double[] gradient) {
      int layers = widths.length - 1;
      for (int l = layers - 1; l >= 0; l--) {
        int in = widths[l];
        int out = widths[l + 1];
        double[] d = deltas[l + 1];
        int b = biasAt[l];
        for (int r = 0; r < n; r++) {
          for (int j = 0; j < out; j++) {
            gradient[b + j] += d[r * out + j];
          }
        }
        DenseProducts.transposedMultiplyAdd(
            l == 0 ? input : values[l],
            l == 0 ? inputAt : 0,
            d,
            0,
            gradient,
            weightsAt[l],
            n,
            in,
            out);
        if (l > 0) {
          double[] below = deltas[l];
          Arrays.fill(below, 0, n * in, 0);
          DenseProducts.multiplyAdd(d, 0, transposed[l], 0, below, 0, n, out, in);
          activation.multiplySlope(below, values[l], n * in);
        }
      }
    }

    /** The share of rows whose label is the class of the largest output (the first of equal). */
    double accuracy(double[] p) {
      int layers = widths.length - 1;
      int c = widths[layers];
      double[] logits = values[layers];
      int right = 0;
      for (int r0 = 0; r0 < data.rows(); r0 += BLOCK_ROWS) {
        int n = Math.min(BLOCK_ROWS, data.rows() - r0);
        forward(p, data.features(), r0 * widths[0], n);
        for (int r = 0; r < n; r++) {
          int best = 0;
          for (int j = 1; j < c; j++) {
            if (logits[r * c + j] > logits[r * c + best]) {
              best = j;
            }
          }
          if (best == data.targets()[r0 + r]) {
            right++;
          }
        }
      }
      return (double) right / data.rows();
    }

    @Override
    public void useStream(RandomStream stream) {
      this.stream = stream;
    }

    /** Glorot's uniform initialisation from the run's stream; a fresh draw on each call. */
    @Override
    public Optional<double[]> defaultStart() {
      double[] x = new double[dimension()];
      for (int l = 0; l + 1 < widths.length; l++) {
        int in = widths[l];
        int out = widths[l + 1];
        double limit = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < in * out; i++) {
          x[weightsAt[l] + i] = limit * (2 * stream.nextDouble() - 1);
        }
      }
      return Optional.of(x);
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
    public List<String> parameterNames() {
      return names;
    }

    @Override
    public String toString() {
      return ID
          + " "
          + Arrays.toString(widths)
          + " "
          + activation.name().toLowerCase(java.util.Locale.ROOT)
          + " ("
          + data.rows()
          + " rows)";
    }
  }
}
