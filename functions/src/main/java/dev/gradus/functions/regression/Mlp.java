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
     * tanh(x) as (1 − e)/(1 + e) with e = exp(−2|x|), within 3e-16 of {@link Math#tanh} (absolute;
     * relative only for |x| above about 0.5): JDK 17's Math.tanh is a native call of some 20 ns,
     * Math.exp an intrinsic of some 5, and the hidden layer of a 64-row batch takes 2,048 of them
     * per pass. An activation's absolute error is what reaches the loss, through weighted sums.
     */
    static double tanh(double x) {
      double e = Math.exp(-2 * Math.abs(x));
      return Math.copySign((1 - e) / (1 + e), x);
    }

    /**
     * z[i] ← act(z[i]) for i < n; one loop per activation, so that none tests which per element.
     */
    void applyInPlace(double[] z, int n) {
      switch (this) {
        case TANH -> {
          for (int i = 0; i < n; i++) {
            z[i] = tanh(z[i]);
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
     * The buffers of the hand-written passes, all made once so that no call allocates (an instance
     * is therefore confined to one thread, as {@link Objective} allows; a run gets its own). Rows
     * are separate arrays, as {@link DenseProducts} needs them: the data's rows ({@code features});
     * layer by layer, the values of a block of {@link #BLOCK_ROWS} rows ({@code values[0]} holds
     * references to the block's rows of {@code features}, never copies) and their deltas (layers 1
     * …); and each layer's weights as rows, transposed (layers 1 …, for the deltas of the layer
     * below) and their gradient, copied from and to the packed vector once per call.
     */
    private final double[][] features;

    private final double[][][] values;
    private final double[][][] deltas;
    private final double[][][] weights;
    private final double[][][] transposed;
    private final double[][][] weightGradients;

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
      features = new double[data.rows()][];
      for (int r = 0; r < data.rows(); r++) {
        features[r] = Arrays.copyOfRange(data.features(), r * widths[0], (r + 1) * widths[0]);
      }
      values = new double[layers + 1][][];
      deltas = new double[layers + 1][][];
      values[0] = new double[BLOCK_ROWS][];
      deltas[0] = new double[0][];
      for (int l = 1; l <= layers; l++) {
        values[l] = new double[BLOCK_ROWS][widths[l]];
        deltas[l] = new double[BLOCK_ROWS][widths[l]];
      }
      weights = new double[layers][][];
      transposed = new double[layers][][];
      weightGradients = new double[layers][][];
      for (int l = 0; l < layers; l++) {
        weights[l] = new double[widths[l]][widths[l + 1]];
        transposed[l] = l == 0 ? new double[0][] : new double[widths[l + 1]][widths[l]];
        weightGradients[l] = new double[widths[l]][widths[l + 1]];
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
    public double batchGradient(double[] p, int[] rows, int count, double[] gradient) {
      return pass(p, rows, count, gradient);
    }

    /**
     * The mean loss over the rows {@code rows[0 … count)} (over rows 0 … count − 1 when {@code
     * rows} is null), with its gradient written into {@code gradient} unless that is null. The rows
     * go through the network {@link #BLOCK_ROWS} at a time; the gradient and the loss still add the
     * rows' terms in row order, so the block size changes no result.
     */
    private double pass(double[] p, int[] rows, int count, double[] gradient) {
      int layers = widths.length - 1;
      unpack(p, gradient != null);
      if (gradient != null) {
        Arrays.fill(gradient, 0);
        for (double[][] g : weightGradients) {
          for (double[] row : g) {
            Arrays.fill(row, 0);
          }
        }
      }
      int c = widths[layers];
      double[][] logits = values[layers];
      double[][] top = deltas[layers];
      double total = 0;
      for (int r0 = 0; r0 < count; r0 += BLOCK_ROWS) {
        int n = Math.min(BLOCK_ROWS, count - r0);
        for (int r = 0; r < n; r++) {
          values[0][r] = features[rows == null ? r0 + r : rows[r0 + r]];
        }
        forward(p, n);
        for (int r = 0; r < n; r++) {
          double[] z = logits[r];
          double[] e = top[r];
          double largest = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < c; j++) {
            largest = Math.max(largest, z[j]);
          }
          double sum = 0;
          for (int j = 0; j < c; j++) {
            e[j] = Math.exp(z[j] - largest);
            sum += e[j];
          }
          int label = (int) data.targets()[rows == null ? r0 + r : rows[r0 + r]];
          total += Math.log(sum) + largest - z[label];
          if (gradient != null) {
            // the output's delta: softmax minus the one-hot label, over the batch's mean
            for (int j = 0; j < c; j++) {
              e[j] = (e[j] / sum - (j == label ? 1 : 0)) / count;
            }
          }
        }
        if (gradient != null) {
          backward(n, gradient);
        }
      }
      if (gradient != null) {
        for (int l = 0; l < layers; l++) {
          int out = widths[l + 1];
          for (int i = 0; i < widths[l]; i++) {
            System.arraycopy(weightGradients[l][i], 0, gradient, weightsAt[l] + i * out, out);
          }
        }
      }
      return total / count;
    }

    /**
     * The weights from the packed vector into rows, and transposed when a backward pass follows.
     */
    private void unpack(double[] p, boolean transpose) {
      for (int l = 0; l < weights.length; l++) {
        int in = widths[l];
        int out = widths[l + 1];
        for (int i = 0; i < in; i++) {
          System.arraycopy(p, weightsAt[l] + i * out, weights[l][i], 0, out);
        }
        if (transpose && l > 0) {
          for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
              transposed[l][j][i] = p[weightsAt[l] + i * out + j];
            }
          }
        }
      }
    }

    /** Each layer's values for the {@code n} rows of {@code values[0]}. */
    private void forward(double[] p, int n) {
      int layers = widths.length - 1;
      for (int l = 0; l < layers; l++) {
        int in = widths[l];
        int out = widths[l + 1];
        double[][] z = values[l + 1];
        // the bias first, so that each unit's sum runs b + a₀w₀ + a₁w₁ + … as the graph's does
        for (int r = 0; r < n; r++) {
          System.arraycopy(p, biasAt[l], z[r], 0, out);
        }
        DenseProducts.multiplyAdd(values[l], weights[l], z, n, in, out);
        if (l + 1 < layers) {
          for (int r = 0; r < n; r++) {
            activation.applyInPlace(z[r], out);
          }
        }
      }
    }

    /** Adds the block's share to the gradients, from the output's deltas down. */
    private void backward(int n, double[] gradient) {
      int layers = widths.length - 1;
      for (int l = layers - 1; l >= 0; l--) {
        int in = widths[l];
        int out = widths[l + 1];
        double[][] d = deltas[l + 1];
        int b = biasAt[l];
        for (int r = 0; r < n; r++) {
          double[] dr = d[r];
          for (int j = 0; j < out; j++) {
            gradient[b + j] += dr[j];
          }
        }
        DenseProducts.transposedMultiplyAdd(values[l], d, weightGradients[l], n, in, out);
        if (l > 0) {
          double[][] below = deltas[l];
          for (int r = 0; r < n; r++) {
            Arrays.fill(below[r], 0);
          }
          DenseProducts.multiplyAdd(d, transposed[l], below, n, out, in);
          for (int r = 0; r < n; r++) {
            activation.multiplySlope(below[r], values[l][r], in);
          }
        }
      }
    }

    /** The share of rows whose label is the class of the largest output (the first of equal). */
    double accuracy(double[] p) {
      int layers = widths.length - 1;
      int c = widths[layers];
      double[][] logits = values[layers];
      unpack(p, false);
      int right = 0;
      for (int r0 = 0; r0 < data.rows(); r0 += BLOCK_ROWS) {
        int n = Math.min(BLOCK_ROWS, data.rows() - r0);
        for (int r = 0; r < n; r++) {
          values[0][r] = features[r0 + r];
        }
        forward(p, n);
        for (int r = 0; r < n; r++) {
          double[] z = logits[r];
          int best = 0;
          for (int j = 1; j < c; j++) {
            if (z[j] > z[best]) {
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
    public java.util.OptionalLong samplesAfter(long steps) {
      return java.util.OptionalLong.of(steps * features.length);
    }

    @Override
    public List<String> parameterNames() {
      return names;
    }

    /**
     * {@code W1 [in, h1]}, {@code b1 [h1]}, …, {@code WL [h, classes]}, {@code bL [classes]}: the
     * packing in the class comment, computed from the widths alone so that it stays a statement
     * about the layout, not about how the loss is evaluated.
     */
    @Override
    public List<dev.gradus.spi.ParameterBlock> blocks() {
      List<dev.gradus.spi.ParameterBlock> blocks = new ArrayList<>();
      int at = 0;
      for (int l = 0; l + 1 < widths.length; l++) {
        blocks.add(
            dev.gradus.spi.ParameterBlock.matrix("W" + (l + 1), at, widths[l], widths[l + 1]));
        at += widths[l] * widths[l + 1];
        blocks.add(dev.gradus.spi.ParameterBlock.vector("b" + (l + 1), at, widths[l + 1]));
        at += widths[l + 1];
      }
      return List.copyOf(blocks);
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
