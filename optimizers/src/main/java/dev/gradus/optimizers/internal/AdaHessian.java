package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdaHessian (Yao, Gholami, Shen, Mustafa, Keutzer &amp; Mahoney, AAAI 2021), with the defaults of
 * its authors' PyTorch implementation: Adam with the squared gradient replaced by the square of
 * Hutchinson's estimate of the Hessian's diagonal,
 *
 * <pre>
 * D ← z ⊙ (H z),  z with independent entries ±1 (Rademacher)
 * m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)D²
 * θ ← θ − γ (m / (1 − β₁ᵗ) / ((√v / √(1 − β₂ᵗ))^k + ε) + λθ)
 * </pre>
 *
 * with k = {@code hessian_power} and decoupled weight decay λ. One Hessian-vector product a step.
 * The authors average D over the spatial axes of convolution kernels; Gradus's parameters are flat
 * vectors and matrices, so it is not averaged. The signs z come from a stream of the configured
 * {@code seed}, kept in the state (and its snapshot), so a run and its resume draw the same ones.
 */
final class AdaHessian implements MomentumAware {
  static final String ID = "adahessian";

  record Config(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      double hessianPower,
      long seed) {
    static final Config DEFAULTS = new Config(0.15, 0.9, 0.999, 1e-4, 0, 1, 0);

    Config {
      Common.require(ID, "lr", lr, Range.atLeast(0));
      Common.require(ID, "betas", beta1, Range.closedOpen(0, 1));
      Common.require(ID, "betas", beta2, Range.closedOpen(0, 1));
      Common.require(ID, "eps", eps, Range.atLeast(0));
      Common.require(ID, "weight_decay", weightDecay, Range.atLeast(0));
      Common.require(ID, "hessian_power", hessianPower, Range.closed(0, 1));
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Common.betas(beta1, beta2),
          Common.eps(eps),
          Modern.decoupledWeightDecay(weightDecay),
          HyperParameter.real(
              "hessian_power",
              hessianPower,
              Range.closed(0, 1),
              "k: the power of the Hessian diagonal's root in the denominator"),
          HyperParameter.integer(
              "seed",
              seed,
              Range.atLeast(0),
              "seed of the Rademacher vectors of Hutchinson's estimate"));
    }

    static Config of(HyperParameters values) {
      double[] betas = values.reals("betas");
      return new Config(
          values.real("lr"),
          betas[0],
          betas[1],
          values.real("eps"),
          values.real("weight_decay"),
          values.real("hessian_power"),
          values.integer("seed"));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] expAvg;
    final double[] expHessianDiagSq;
    final double[] signs;
    final double[] product;
    RandomStream random;

    State(int dimension, RandomStream random) {
      super(ID, dimension);
      expAvg = new double[dimension];
      expHessianDiagSq = new double[dimension];
      signs = new double[dimension];
      product = new double[dimension];
      this.random = random;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("exp_avg", expAvg);
      arrays.put("exp_hessian_diag_sq", expHessianDiagSq);
      arrays.put("random", RandomBits.toDoubles(random.snapshot()));
      return new StateSnapshot(ID, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final Config config;

  AdaHessian(Config config) {
    this.config = config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public double learningRate() {
    return config.lr();
  }

  @Override
  public double momentum() {
    return config.beta1();
  }

  @Override
  public OptimizerState init(int dimension) {
    return new State(dimension, new RandomStream(config.seed()));
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, ID, optimizerState, params.length);
    double b1 = Common.require(ID, "betas", momentum, Range.closedOpen(0, 1));
    double b2 = config.beta2();
    double[] z = state.signs;
    for (int i = 0; i < z.length; i++) {
      z[i] = state.random.nextLong() < 0 ? -1 : 1;
    }
    objective.hessianVectorProduct(params, z, state.product);
    state.step++;
    double bias1 = 1 - Math.pow(b1, state.step);
    double rootBias2 = Math.sqrt(1 - Math.pow(b2, state.step));
    double k = config.hessianPower();
    double lambda = config.weightDecay();
    double eps = config.eps();
    double[] m = state.expAvg;
    double[] v = state.expHessianDiagSq;
    for (int i = 0; i < params.length; i++) {
      double diagonal = z[i] * state.product[i];
      m[i] = b1 * m[i] + (1 - b1) * gradient[i];
      v[i] = b2 * v[i] + (1 - b2) * diagonal * diagonal;
      double root = Math.sqrt(v[i]) / rootBias2;
      double denominator = (k == 1 ? root : Math.pow(root, k)) + eps;
      params[i] -= lr * (m[i] / bias1 / denominator + lambda * params[i]);
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    double[] bits = snapshot.array("random");
    State state = new State(dimension, RandomStream.restore(RandomBits.toLongs(bits)));
    Adam.copy(snapshot, "exp_avg", state.expAvg);
    Adam.copy(snapshot, "exp_hessian_diag_sq", state.expHessianDiagSq);
    state.step = Common.count(snapshot, "step");
    return state;
  }

  /** A random stream's position as doubles, exactly: each 64-bit word as two 32-bit halves. */
  static final class RandomBits {
    private RandomBits() {}

    static double[] toDoubles(long[] words) {
      double[] out = new double[2 * words.length];
      for (int i = 0; i < words.length; i++) {
        out[2 * i] = (double) (words[i] >>> 32);
        out[2 * i + 1] = (double) (words[i] & 0xffffffffL);
      }
      return out;
    }

    static long[] toLongs(double[] halves) {
      if (halves.length % 2 != 0) {
        throw new IllegalArgumentException(
            "snapshot of '" + ID + "': 'random' has " + halves.length + " entries, not pairs");
      }
      long[] words = new long[halves.length / 2];
      for (int i = 0; i < words.length; i++) {
        words[i] = ((long) halves[2 * i] << 32) | (long) halves[2 * i + 1];
      }
      return words;
    }
  }
}
