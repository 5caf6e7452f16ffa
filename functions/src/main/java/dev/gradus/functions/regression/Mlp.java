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

    /** act'(z) from a = act(z). */
    double slope(double a) {
      return switch (this) {
        case TANH -> 1 - a * a;
        case RELU -> a > 0 ? 1 : 0;
        case SIGMOID -> a * (1 - a);
      };
    }
  }

  /** The network's mean cross-entropy on a dataset: by the graph in full, by hand on batches. */
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

    /** Per-layer values of a batch's rows (activations, then their deltas), grown on demand. */
    private double[][] values = new double[0][];

    private double[][] deltas = new double[0][];

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

    /** Backpropagation over the batch's rows, written out: a forward pass, then one back. */
    @Override
    public void batchGradient(double[] p, int[] rows, int count, double[] gradient) {
      int layers = widths.length - 1;
      if (values.length == 0 || values[0].length < count * widths[0]) {
        values = new double[layers + 1][];
        deltas = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
          values[l] = new double[count * widths[l]];
          deltas[l] = new double[count * widths[l]];
        }
      }
      int k = widths[0];
      for (int r = 0; r < count; r++) {
        System.arraycopy(data.features(), rows[r] * k, values[0], r * k, k);
      }
      for (int l = 0; l < layers; l++) {
        int in = widths[l];
        int out = widths[l + 1];
        double[] a = values[l];
        double[] z = values[l + 1];
        for (int r = 0; r < count; r++) {
          for (int j = 0; j < out; j++) {
            double s = p[biasAt[l] + j];
            for (int i = 0; i < in; i++) {
              s += a[r * in + i] * p[weightsAt[l] + i * out + j];
            }
            z[r * out + j] = l + 1 < layers ? activation.apply(s) : s;
          }
        }
      }
      // the output's delta: softmax minus the one-hot label, over the batch's mean
      int c = widths[layers];
      double[] top = deltas[layers];
      double[] logits = values[layers];
      for (int r = 0; r < count; r++) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
          largest = Math.max(largest, logits[r * c + j]);
        }
        double sum = 0;
        for (int j = 0; j < c; j++) {
          top[r * c + j] = Math.exp(logits[r * c + j] - largest);
          sum += top[r * c + j];
        }
        int label = (int) data.targets()[rows[r]];
        for (int j = 0; j < c; j++) {
          top[r * c + j] = (top[r * c + j] / sum - (j == label ? 1 : 0)) / count;
        }
      }
      Arrays.fill(gradient, 0);
      for (int l = layers - 1; l >= 0; l--) {
        int in = widths[l];
        int out = widths[l + 1];
        double[] a = values[l];
        double[] d = deltas[l + 1];
        for (int r = 0; r < count; r++) {
          for (int j = 0; j < out; j++) {
            double dj = d[r * out + j];
            gradient[biasAt[l] + j] += dj;
            for (int i = 0; i < in; i++) {
              gradient[weightsAt[l] + i * out + j] += a[r * in + i] * dj;
            }
          }
        }
        if (l > 0) {
          double[] below = deltas[l];
          for (int r = 0; r < count; r++) {
            for (int i = 0; i < in; i++) {
              double s = 0;
              for (int j = 0; j < out; j++) {
                s += d[r * out + j] * p[weightsAt[l] + i * out + j];
              }
              below[r * in + i] = s * activation.slope(a[r * in + i]);
            }
          }
        }
      }
    }

    /** The share of rows whose label is the class of the largest output (the first of equal). */
    double accuracy(double[] p) {
      int layers = widths.length - 1;
      int right = 0;
      double[] a = new double[Arrays.stream(widths).max().orElse(0)];
      double[] z = new double[a.length];
      for (int r = 0; r < data.rows(); r++) {
        System.arraycopy(data.features(), r * widths[0], a, 0, widths[0]);
        for (int l = 0; l < layers; l++) {
          int in = widths[l];
          int out = widths[l + 1];
          for (int j = 0; j < out; j++) {
            double s = p[biasAt[l] + j];
            for (int i = 0; i < in; i++) {
              s += a[i] * p[weightsAt[l] + i * out + j];
            }
            z[j] = l + 1 < layers ? activation.apply(s) : s;
          }
          System.arraycopy(z, 0, a, 0, out);
        }
        int best = 0;
        for (int j = 1; j < widths[layers]; j++) {
          if (a[j] > a[best]) {
            best = j;
          }
        }
        if (best == data.targets()[r]) {
          right++;
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
