package dev.gradus.optimizers.internal;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.Adafactor (torch 2.5; Shazeer &amp; Stern, 2018), one torch tensor per {@link
 * ParameterBlock}. At step t, for each block with parameters θ and gradient G:
 *
 * <pre>
 * G ← −∇f if maximize else ∇f;   w = t^τ (τ = beta2_decay, so 1 − β̂₂ₜ = w)
 * ρ = min(γ, 1/√t);   α = max(ε₂, RMS(θ)) ρ;   θ ← θ(1 − γλ)
 * matrix [.., n, m]:  R ← R + w(mean_j G²_ij − R);   C ← C + w(mean_i G²_ij − C)
 *                     V̂_ij = R_i C_j / max(mean_i R_i, ε₁)
 * otherwise:          V ← V + w(G² − V);   V̂ = V
 * U = G / √max(V̂, ε₁²);   θ ← θ − α U / max(1, RMS(U)/d)
 * </pre>
 *
 * Blocks of two or more dimensions are factored over their last two (leading dimensions are
 * batches, each with its own R and C), as torch factors tensors with dim() &gt; 1; a vector block,
 * or the flat vector of an objective without blocks, keeps an unfactored V. torch's ε₁ = None is
 * the machine epsilon of the parameters' dtype; Gradus's parameters are float64, so the default ε₁
 * is 2⁻⁵² written out.
 */
final class Adafactor implements BlockAware {
  /** torch.finfo(torch.float64).eps, what torch's eps = (None, …) resolves to for float64. */
  static final double FLOAT64_EPS = Math.ulp(1.0);

  record Config(
      double lr,
      double beta2Decay,
      double eps1,
      double eps2,
      double d,
      double weightDecay,
      boolean maximize) {
    static final Config DEFAULTS = new Config(1e-2, -0.8, FLOAT64_EPS, 1e-3, 1.0, 0.0, false);

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          HyperParameter.real(
              "beta2_decay",
              beta2Decay,
              Range.closed(Double.NEGATIVE_INFINITY, 0),
              "τ: the second-moment weight of step t is t^τ (β̂₂ = 1 − t^τ)"),
          HyperParameter.reals(
              "eps",
              List.of(eps1, eps2),
              2,
              Range.atLeast(0),
              "ε₁ (floor of the variance estimate; torch's None = float64 machine epsilon"
                  + " 2⁻⁵², the default here), ε₂ (floor of RMS(θ) in the step size)"),
          HyperParameter.real("d", d, Range.atLeast(1), "clipping threshold of RMS(U)"),
          Common.weightDecay(weightDecay),
          Common.maximize());
    }

    Config with(HyperParameters values) {
      double[] eps = values.reals("eps");
      return new Config(
          values.real("lr"),
          values.real("beta2_decay"),
          eps[0],
          eps[1],
          values.real("d"),
          values.real("weight_decay"),
          values.bool("maximize"));
    }

    Config {
      Common.require("adafactor", "lr", lr, Range.atLeast(0));
      Common.require(
          "adafactor", "beta2_decay", beta2Decay, Range.closed(Double.NEGATIVE_INFINITY, 0));
      Common.require("adafactor", "eps", eps1, Range.atLeast(0));
      Common.require("adafactor", "eps", eps2, Range.atLeast(0));
      Common.require("adafactor", "d", d, Range.atLeast(1));
      Common.require("adafactor", "weight_decay", weightDecay, Range.atLeast(0));
    }
  }

  /** One block's layout and statistics. */
  static final class Block {
    final String name;
    final int offset;
    final int size;

    /** For a factored block: batches × rows × columns; rows = 0 for an unfactored one. */
    final int batches;

    final int rows;
    final int columns;
    final double[] rowVar;
    final double[] colVar;
    final double[] variance;

    Block(ParameterBlock block) {
      int[] shape = block.shape();
      name = block.name();
      offset = block.offset();
      size = block.size();
      if (shape.length >= 2) {
        rows = shape[shape.length - 2];
        columns = shape[shape.length - 1];
        batches = size / (rows * columns);
        rowVar = new double[batches * rows];
        colVar = new double[batches * columns];
        variance = null;
      } else {
        rows = 0;
        columns = 0;
        batches = 0;
        rowVar = null;
        colVar = null;
        variance = new double[size];
      }
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final Block[] blocks;

    State(String id, int dimension, List<ParameterBlock> blocks) {
      super(id, dimension);
      ParameterBlock.requireTiling(blocks, dimension);
      this.blocks = new Block[blocks.size()];
      for (int b = 0; b < this.blocks.length; b++) {
        this.blocks[b] = new Block(blocks.get(b));
      }
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      for (Block block : blocks) {
        if (block.variance != null) {
          arrays.put(block.name + ".variance", block.variance);
        } else {
          arrays.put(block.name + ".row_var", block.rowVar);
          arrays.put(block.name + ".col_var", block.colVar);
        }
      }
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final String id;
  private final Config config;

  Adafactor(String id, Config config) {
    this.id = id;
    this.config = config;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public double learningRate() {
    return config.lr();
  }

  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return new State(id, dimension, blocks);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, id, optimizerState, params.length);
    state.step++;
    double t = state.step;
    double w = Math.pow(t, config.beta2Decay());
    double rho = Math.min(lr, 1 / Math.sqrt(t));
    double eps1 = config.eps1();
    double floor = eps1 * eps1;
    if (config.maximize()) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] = -gradient[i];
      }
    }
    for (Block block : state.blocks) {
      int start = block.offset;
      int end = start + block.size;
      double sumSquares = 0;
      for (int i = start; i < end; i++) {
        sumSquares += params[i] * params[i];
      }
      double alpha = Math.max(config.eps2(), Math.sqrt(sumSquares / block.size)) * rho;
      if (config.weightDecay() != 0) {
        double shrink = 1 - lr * config.weightDecay();
        for (int i = start; i < end; i++) {
          params[i] *= shrink;
        }
      }
      // U overwrites the gradient: it is the gradient's scratch space from here on.
      double sumU =
          block.variance != null
              ? vectorUpdate(block, gradient, w, floor)
              : matrixUpdate(block, gradient, w, eps1, floor);
      double denom = Math.max(1, Math.sqrt(sumU / block.size) / config.d());
      double scale = alpha / denom;
      for (int i = start; i < end; i++) {
        params[i] -= scale * gradient[i];
      }
    }
  }

  /** V ← V + w(G² − V), then G ← U = G/√max(V, ε₁²); returns Σ U². */
  private static double vectorUpdate(Block block, double[] g, double w, double floor) {
    double[] v = block.variance;
    double sumU = 0;
    for (int k = 0; k < block.size; k++) {
      int i = block.offset + k;
      v[k] += w * (g[i] * g[i] - v[k]);
      g[i] /= Math.sqrt(Math.max(v[k], floor));
      sumU += g[i] * g[i];
    }
    return sumU;
  }

  /** R, C as lerps of G²'s row and column means, then G ← U from V̂ = R Cᵀ / max(mean R, ε₁). */
  private static double matrixUpdate(Block block, double[] g, double w, double eps1, double floor) {
    int n = block.rows;
    int m = block.columns;
    double sumU = 0;
    for (int b = 0; b < block.batches; b++) {
      int base = block.offset + b * n * m;
      double[] r = block.rowVar;
      double[] c = block.colVar;
      int r0 = b * n;
      int c0 = b * m;
      for (int i = 0; i < n; i++) {
        double rowSum = 0;
        for (int j = 0; j < m; j++) {
          double gij = g[base + i * m + j];
          rowSum += gij * gij;
        }
        r[r0 + i] += w * (rowSum / m - r[r0 + i]);
      }
      for (int j = 0; j < m; j++) {
        double colSum = 0;
        for (int i = 0; i < n; i++) {
          double gij = g[base + i * m + j];
          colSum += gij * gij;
        }
        c[c0 + j] += w * (colSum / n - c[c0 + j]);
      }
      double rowMean = 0;
      for (int i = 0; i < n; i++) {
        rowMean += r[r0 + i];
      }
      rowMean = Math.max(rowMean / n, eps1);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          int k = base + i * m + j;
          double estimate = r[r0 + i] * c[c0 + j] / rowMean;
          g[k] /= Math.sqrt(Math.max(estimate, floor));
          sumU += g[k] * g[k];
        }
      }
    }
    return sumU;
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension, blocks);
    state.step = Common.count(snapshot, "step");
    for (Block block : state.blocks) {
      if (block.variance != null) {
        Adam.copy(snapshot, block.name + ".variance", block.variance);
      } else {
        Adam.copy(snapshot, block.name + ".row_var", block.rowVar);
        Adam.copy(snapshot, block.name + ".col_var", block.colVar);
      }
    }
    return state;
  }
}
