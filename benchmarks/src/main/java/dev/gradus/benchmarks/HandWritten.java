package dev.gradus.benchmarks;

/**
 * The hand-written Java baselines: each workload as one would write it for speed without a
 * framework, with the gradient derived by hand and everything fused into as few passes as possible.
 * The unit tests check that each computes what its graph counterpart computes.
 */
public final class HandWritten {
  private HandWritten() {}

  /** Adam's state for a hand-written loop: moments and the step count. */
  public static final class AdamState {
    final double[] m;
    final double[] v;
    long step;

    public AdamState(int dimension) {
      m = new double[dimension];
      v = new double[dimension];
    }
  }

  /**
   * One Adam step (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) in a single pass, with the bias corrections
   * computed once per step.
   */
  public static void adamStep(double[] params, double[] gradient, double lr, AdamState state) {
    final double beta1 = 0.9;
    final double beta2 = 0.999;
    final double eps = 1e-8;
    state.step++;
    double stepSize = lr / (1 - Math.pow(beta1, state.step));
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, state.step));
    double[] m = state.m;
    double[] v = state.v;
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      double mi = beta1 * m[i] + (1 - beta1) * g;
      double vi = beta2 * v[i] + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= stepSize * mi / (Math.sqrt(vi) / correction2Sqrt + eps);
    }
  }

  private static final double[] BEALE_TARGETS = {1.5, 2.25, 2.625};

  /** Beale's value, with its gradient written into {@code gradient}. */
  public static double bealeValueAndGradient(double[] point, double[] gradient) {
    double x = point[0];
    double y = point[1];
    double value = 0;
    double dx = 0;
    double dy = 0;
    double lowerPower = 1; // y^(k−1)
    for (int k = 1; k <= 3; k++) {
      double power = lowerPower * y;
      double term = BEALE_TARGETS[k - 1] - x + x * power;
      value += term * term;
      dx += 2 * term * (power - 1);
      dy += 2 * term * k * x * lowerPower;
      lowerPower = power;
    }
    gradient[0] = dx;
    gradient[1] = dy;
    return value;
  }

  /** {@code steps} Adam steps on Beale from {@code point}, in place; returns the last value. */
  public static double bealeAdam(
      double[] point, double[] gradient, AdamState state, int steps, double lr) {
    double value = 0;
    for (int s = 0; s < steps; s++) {
      value = bealeValueAndGradient(point, gradient);
      adamStep(point, gradient, lr, state);
    }
    return value;
  }

  /**
   * Rosenbrock Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)² and its gradient in one pass: element i's gradient
   * gets its own term's share and the previous term's, so nothing is zeroed or revisited.
   */
  public static double rosenbrockValueAndGradient(double[] x, double[] gradient) {
    int n = x.length;
    double value = 0;
    double fromPrevious = 0; // 200·(x_i − x_{i−1}²)
    for (int i = 0; i < n - 1; i++) {
      double xi = x[i];
      double valley = x[i + 1] - xi * xi;
      double offset = 1 - xi;
      value += 100 * valley * valley + offset * offset;
      gradient[i] = fromPrevious - 400 * xi * valley - 2 * offset;
      fromPrevious = 200 * valley;
    }
    gradient[n - 1] = fromPrevious;
    return value;
  }

  /**
   * Gradient descent on the mean squared error of y ≈ m·x + b, one fused pass over the data per
   * epoch; {@code params} is (m, b), updated in place. Returns the loss before the last step.
   */
  public static double linearRegressionGd(
      double[] features, double[] targets, double[] params, int epochs, double lr) {
    int n = targets.length;
    double loss = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      double m = params[0];
      double b = params[1];
      double squares = 0;
      double dm = 0;
      double db = 0;
      for (int i = 0; i < n; i++) {
        double residual = m * features[i] + b - targets[i];
        squares += residual * residual;
        dm += residual * features[i];
        db += residual;
      }
      loss = squares / n;
      params[0] = m - lr * 2 * dm / n;
      params[1] = b - lr * 2 * db / n;
    }
    return loss;
  }

  /**
   * {@code steps} Adam steps from {@code x} as a suite run makes them, value and gradient before
   * each step and once more at the final point (the run's f_final): steps + 1 evaluations, in
   * place. Returns the final value.
   */
  public static double rosenbrockAdam(
      double[] x, double[] gradient, AdamState state, int steps, double lr) {
    for (int s = 0; s < steps; s++) {
      rosenbrockValueAndGradient(x, gradient);
      adamStep(x, gradient, lr, state);
    }
    return rosenbrockValueAndGradient(x, gradient);
  }

  /** The mean squared error of y ≈ m·x + b: the loss a regression run evaluates at its end. */
  public static double meanSquaredError(double[] features, double[] targets, double m, double b) {
    double squares = 0;
    for (int i = 0; i < targets.length; i++) {
      double residual = m * features[i] + b - targets[i];
      squares += residual * residual;
    }
    return squares / targets.length;
  }

  /** Himmelblau (x² + y − 11)² + (x + y² − 7)², with its gradient written into {@code gradient}. */
  public static double himmelblauValueAndGradient(double[] point, double[] gradient) {
    double x = point[0];
    double y = point[1];
    double a = x * x + y - 11;
    double b = x + y * y - 7;
    gradient[0] = 4 * a * x + 2 * b;
    gradient[1] = 2 * a + 4 * b * y;
    return a * a + b * b;
  }

  /**
   * Ackley −20·exp(−0.2·√(mean xᵢ²)) − exp(mean cos 2πxᵢ) + e + 20, with its gradient (0 for the
   * cone term at the origin, as the catalog takes it).
   */
  public static double ackleyValueAndGradient(double[] x, double[] gradient) {
    int n = x.length;
    double squares = 0;
    double cosines = 0;
    for (int i = 0; i < n; i++) {
      squares += x[i] * x[i];
      cosines += Math.cos(2 * Math.PI * x[i]);
    }
    double radius = Math.sqrt(squares / n);
    double cone = Math.exp(-0.2 * radius);
    double ripple = Math.exp(cosines / n);
    double coneFactor = radius == 0 ? 0 : 4 * cone / (n * radius);
    double rippleFactor = ripple * 2 * Math.PI / n;
    for (int i = 0; i < n; i++) {
      gradient[i] = coneFactor * x[i] + rippleFactor * Math.sin(2 * Math.PI * x[i]);
    }
    return (20 - 20 * cone) + (Math.E - ripple);
  }

  /** Plain gradient descent: x ← x − lr·g. */
  public static void gdStep(double[] params, double[] gradient, double lr) {
    for (int i = 0; i < params.length; i++) {
      params[i] -= lr * gradient[i];
    }
  }

  /**
   * SGD with heavy-ball momentum as torch.optim.SGD has it (dampening 0): the buffer is the first
   * gradient itself, then μ·b + g; x ← x − lr·b. {@code buffer} starts empty, {@code started}
   * false; returns the new {@code started}.
   */
  public static boolean momentumStep(
      double[] params, double[] gradient, double lr, double mu, double[] buffer, boolean started) {
    for (int i = 0; i < params.length; i++) {
      buffer[i] = started ? mu * buffer[i] + gradient[i] : gradient[i];
      params[i] -= lr * buffer[i];
    }
    return true;
  }

  /** RMSprop as torch has it by default (α = 0.99, ε = 1e-8, no momentum, not centered). */
  public static void rmspropStep(double[] params, double[] gradient, double lr, double[] squares) {
    final double alpha = 0.99;
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      squares[i] = alpha * squares[i] + (1 - alpha) * g * g;
      params[i] -= lr * g / (Math.sqrt(squares[i]) + 1e-8);
    }
  }

  /** Adagrad as torch has it by default (no rate decay, accumulator from 0, ε = 1e-10). */
  public static void adagradStep(double[] params, double[] gradient, double lr, double[] sums) {
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      sums[i] += g * g;
      params[i] -= lr * g / (Math.sqrt(sums[i]) + 1e-10);
    }
  }

  /**
   * One hidden layer of tanh units and a softmax output, trained on minibatches as one writes it
   * without a kernel: plain triple loops over flat row-major arrays, parameters packed as the mlp
   * packs them (W₁ [k × h], b₁, W₂ [h × c], b₂).
   */
  public static final class Mlp {
    final double[] features;
    final double[] labels;
    final int k;
    final int h;
    final int c;
    final double[] hidden;
    final double[] hiddenDelta;
    final double[] output;

    public Mlp(double[] features, double[] labels, int k, int h, int c, int batch) {
      this.features = features;
      this.labels = labels;
      this.k = k;
      this.h = h;
      this.c = c;
      hidden = new double[batch * h];
      hiddenDelta = new double[batch * h];
      output = new double[batch * c];
    }

    /** The mean cross-entropy's gradient over rows {@code rows[0 … count)}, into {@code g}. */
    public void batchGradient(double[] p, int[] rows, int count, double[] g) {
      int b1 = k * h;
      int w2 = b1 + h;
      int b2 = w2 + h * c;
      for (int r = 0; r < count; r++) {
        int x = rows[r] * k;
        for (int j = 0; j < h; j++) {
          double s = p[b1 + j];
          for (int i = 0; i < k; i++) {
            s += features[x + i] * p[i * h + j];
          }
          hidden[r * h + j] = Math.tanh(s);
        }
        double largest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
          double s = p[b2 + j];
          for (int i = 0; i < h; i++) {
            s += hidden[r * h + i] * p[w2 + i * c + j];
          }
          output[r * c + j] = s;
          largest = Math.max(largest, s);
        }
        double sum = 0;
        for (int j = 0; j < c; j++) {
          output[r * c + j] = Math.exp(output[r * c + j] - largest);
          sum += output[r * c + j];
        }
        int label = (int) labels[rows[r]];
        for (int j = 0; j < c; j++) {
          output[r * c + j] = (output[r * c + j] / sum - (j == label ? 1 : 0)) / count;
        }
      }
      java.util.Arrays.fill(g, 0);
      for (int r = 0; r < count; r++) {
        for (int j = 0; j < c; j++) {
          double d = output[r * c + j];
          g[b2 + j] += d;
          for (int i = 0; i < h; i++) {
            g[w2 + i * c + j] += hidden[r * h + i] * d;
          }
        }
        for (int i = 0; i < h; i++) {
          double s = 0;
          for (int j = 0; j < c; j++) {
            s += output[r * c + j] * p[w2 + i * c + j];
          }
          double a = hidden[r * h + i];
          hiddenDelta[r * h + i] = s * (1 - a * a);
        }
      }
      for (int r = 0; r < count; r++) {
        int x = rows[r] * k;
        for (int j = 0; j < h; j++) {
          double d = hiddenDelta[r * h + j];
          g[b1 + j] += d;
          for (int i = 0; i < k; i++) {
            g[i * h + j] += features[x + i] * d;
          }
        }
      }
    }
  }
}
