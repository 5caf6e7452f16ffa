package dev.gradus.optimizers.internal;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Muon (Jordan et al., 2024), as torch.optim.Muon (torch ≥ 2.9) with the AdamW fallback of the
 * reference's {@code MuonWithAuxAdam} for the blocks that are not matrices. For each matrix block G
 * (rows × columns, viewed in place):
 *
 * <pre>
 * B ← μB + (1 − μ)G                        (torch: B.lerp_(G, 1 − μ))
 * U ← (1 − μ)G + μB if nesterov, else B
 * X ← U / (‖U‖_F + ε), transposed when rows &gt; columns
 * ns_steps times: A ← XXᵀ;  X ← aX + (bA + cA²)X
 * θ ← θ(1 − γλ) − γ·s·X (transposed back),  s = √max(1, rows/columns)   ("original")
 *                                            s = 0.2·√max(rows, columns) ("match_rms_adamw")
 * </pre>
 *
 * Every other block (biases, scalars, and the whole vector of an objective without blocks) takes a
 * torch.optim.AdamW step with the {@code fallback_*} hyperparameters, whose learning rate a
 * schedule scales by the same factor as {@code lr}.
 */
final class Muon implements BlockAware, MomentumAware {
  static final String ID = "muon";
  static final List<String> ADJUST_LR_FNS = List.of("original", "match_rms_adamw");
  static final Range MOMENTUM = Range.closedOpen(0, 1);
  static final Range NS_STEPS = Range.closed(1, 99);
  static final Range BETAS = Range.closedOpen(0, 1);
  static final Range NON_NEGATIVE = Range.atLeast(0);

  record Config(
      double lr,
      double weightDecay,
      double momentum,
      boolean nesterov,
      double a,
      double b,
      double c,
      double eps,
      long nsSteps,
      String adjustLrFn,
      double fallbackLr,
      double fallbackBeta1,
      double fallbackBeta2,
      double fallbackEps,
      double fallbackWeightDecay) {
    /**
     * torch.optim.Muon's defaults; the fallback's are those MuonWithAuxAdam gives its Adam groups
     * (lr 3e-4, betas (0.9, 0.95), eps 1e-10, weight_decay 0).
     */
    static final Config DEFAULTS =
        new Config(
            1e-3,
            0.1,
            0.95,
            true,
            3.4445,
            -4.7750,
            2.0315,
            1e-7,
            5,
            "original",
            3e-4,
            0.9,
            0.95,
            1e-10,
            0);

    List<HyperParameter> hyperParameters() {
      return List.of(
          HyperParameter.real("lr", lr, NON_NEGATIVE, "learning rate γ of the matrix blocks"),
          HyperParameter.real(
              "weight_decay", weightDecay, NON_NEGATIVE, "decoupled weight decay λ: θ ← θ(1 − γλ)"),
          HyperParameter.real("momentum", momentum, MOMENTUM, "momentum μ"),
          HyperParameter.bool("nesterov", nesterov, "Nesterov momentum: orthogonalise (1−μ)G + μB"),
          HyperParameter.reals(
              "ns_coefficients",
              List.of(a, b, c),
              3,
              Range.ALL,
              "a, b, c of the quintic Newton–Schulz step X ← aX + (bA + cA²)X, A = XXᵀ"),
          HyperParameter.real(
              "eps", eps, NON_NEGATIVE, "ε in the normalisation X = U / (‖U‖_F + ε)"),
          HyperParameter.integer("ns_steps", nsSteps, NS_STEPS, "Newton–Schulz iterations"),
          HyperParameter.choice(
              "adjust_lr_fn",
              adjustLrFn,
              ADJUST_LR_FNS,
              "scale of a block's lr: original √max(1, rows/cols), match_rms_adamw 0.2√max(rows,"
                  + " cols)"),
          HyperParameter.real(
              "fallback_lr", fallbackLr, NON_NEGATIVE, "AdamW learning rate of non-matrix blocks"),
          HyperParameter.reals(
              "fallback_betas",
              List.of(fallbackBeta1, fallbackBeta2),
              2,
              BETAS,
              "AdamW β₁, β₂ of non-matrix blocks"),
          HyperParameter.real(
              "fallback_eps", fallbackEps, NON_NEGATIVE, "AdamW ε of non-matrix blocks"),
          HyperParameter.real(
              "fallback_weight_decay",
              fallbackWeightDecay,
              NON_NEGATIVE,
              "AdamW decoupled weight decay of non-matrix blocks"));
    }

    Config with(HyperParameters values) {
      double[] coefficients = values.reals("ns_coefficients");
      double[] betas = values.reals("fallback_betas");
      return new Config(
          values.real("lr"),
          values.real("weight_decay"),
          values.real("momentum"),
          values.bool("nesterov"),
          coefficients[0],
          coefficients[1],
          coefficients[2],
          values.real("eps"),
          values.integer("ns_steps"),
          values.text("adjust_lr_fn"),
          values.real("fallback_lr"),
          betas[0],
          betas[1],
          values.real("fallback_eps"),
          values.real("fallback_weight_decay"));
    }

    Config {
      Common.require(ID, "lr", lr, NON_NEGATIVE);
      Common.require(ID, "weight_decay", weightDecay, NON_NEGATIVE);
      Common.require(ID, "momentum", momentum, MOMENTUM);
      Common.require(ID, "ns_coefficients", a, Range.ALL);
      Common.require(ID, "ns_coefficients", b, Range.ALL);
      Common.require(ID, "ns_coefficients", c, Range.ALL);
      Common.require(ID, "eps", eps, NON_NEGATIVE);
      Common.require(ID, "ns_steps", nsSteps, NS_STEPS);
      if (!ADJUST_LR_FNS.contains(adjustLrFn)) {
        throw new dev.gradus.spi.InvalidHyperParameterException(
            "adjust_lr_fn",
            ID
                + ".adjust_lr_fn = "
                + adjustLrFn
                + " is not allowed: must be one of "
                + ADJUST_LR_FNS);
      }
      Common.require(ID, "fallback_lr", fallbackLr, NON_NEGATIVE);
      Common.require(ID, "fallback_betas", fallbackBeta1, BETAS);
      Common.require(ID, "fallback_betas", fallbackBeta2, BETAS);
      Common.require(ID, "fallback_eps", fallbackEps, NON_NEGATIVE);
      Common.require(ID, "fallback_weight_decay", fallbackWeightDecay, NON_NEGATIVE);
    }

    /** The factor s of a rows × columns block's learning rate. */
    double lrScale(int rows, int columns) {
      return adjustLrFn.equals("original")
          ? Math.sqrt(Math.max(1, (double) rows / columns))
          : 0.2 * Math.sqrt(Math.max(rows, columns));
    }
  }

  /**
   * The momentum buffer (matrix coordinates) and the AdamW moments (the others), each the length of
   * the vector, and the Newton–Schulz scratch matrices, sized for the largest block in init.
   */
  static final class State extends OptimizerStateBase {
    final MatrixLayout layout;
    long step;
    final double[] momentumBuffer;
    final double[] expAvg;
    final double[] expAvgSq;
    final double[] x;
    final double[] y;
    final double[] gram;
    final double[] poly;

    State(int dimension, List<ParameterBlock> blocks) {
      super(ID, dimension);
      layout = new MatrixLayout(dimension, blocks);
      momentumBuffer = new double[dimension];
      expAvg = new double[dimension];
      expAvgSq = new double[dimension];
      x = new double[layout.largestMatrix()];
      y = new double[layout.largestMatrix()];
      gram = new double[layout.largestGram()];
      poly = new double[layout.largestGram()];
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("momentum_buffer", momentumBuffer);
      arrays.put("exp_avg", expAvg);
      arrays.put("exp_avg_sq", expAvgSq);
      return new StateSnapshot(ID, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final Config config;

  Muon(Config config) {
    this.config = config;
  }

  Config config() {
    return config;
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
    return config.momentum();
  }

  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return new State(dimension, blocks);
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, blocks);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "momentum_buffer", state.momentumBuffer);
    Adam.copy(snapshot, "exp_avg", state.expAvg);
    Adam.copy(snapshot, "exp_avg_sq", state.expAvgSq);
    return state;
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
    Common.require(ID, "momentum", momentum, MOMENTUM);
    state.step++;
    MatrixLayout layout = state.layout;
    for (int k = 0; k < layout.matrices(); k++) {
      matrixStep(
          params,
          gradient,
          lr,
          momentum,
          state,
          layout.offsets[k],
          layout.rows[k],
          layout.columns[k]);
    }
    double fallbackLr =
        config.lr() == 0 ? config.fallbackLr() : config.fallbackLr() * (lr / config.lr());
    for (int v = 0; v < layout.vectorStarts.length; v++) {
      adamW(params, gradient, fallbackLr, state, layout.vectorStarts[v], layout.vectorEnds[v]);
    }
  }

  private void matrixStep(
      double[] params,
      double[] gradient,
      double lr,
      double mu,
      State state,
      int offset,
      int rows,
      int columns) {
    double[] buffer = state.momentumBuffer;
    boolean transposed = rows > columns;
    int r = transposed ? columns : rows; // X is r × c with r ≤ c
    int c = transposed ? rows : columns;
    double[] x = state.x;
    double norm = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        int at = offset + i * columns + j;
        double g = gradient[at];
        buffer[at] += (1 - mu) * (g - buffer[at]);
        double u = config.nesterov() ? g + mu * (buffer[at] - g) : buffer[at];
        x[transposed ? j * c + i : i * c + j] = u;
        norm += u * u;
      }
    }
    double scale = Math.sqrt(norm) + config.eps();
    if (scale == 0) {
      // a zero update (zero gradient and momentum, ε = 0): nothing to orthogonalise, only decay
      double decay = 1 - lr * config.weightDecay();
      for (int i = offset; i < offset + rows * columns; i++) {
        params[i] *= decay;
      }
      return;
    }
    int size = r * c;
    for (int i = 0; i < size; i++) {
      x[i] /= scale;
    }
    double[] y = state.y;
    double[] a = state.gram;
    double[] p = state.poly;
    for (int s = 0; s < config.nsSteps(); s++) {
      // A = X Xᵀ (r × r, symmetric)
      for (int i = 0; i < r; i++) {
        for (int j = i; j < r; j++) {
          double dot = 0;
          for (int t = 0; t < c; t++) {
            dot += x[i * c + t] * x[j * c + t];
          }
          a[i * r + j] = dot;
          a[j * r + i] = dot;
        }
      }
      // P = bA + cA² (A² is symmetric too)
      for (int i = 0; i < r; i++) {
        for (int j = i; j < r; j++) {
          double dot = 0;
          for (int t = 0; t < r; t++) {
            dot += a[i * r + t] * a[t * r + j];
          }
          double v = config.b() * a[i * r + j] + config.c() * dot;
          p[i * r + j] = v;
          p[j * r + i] = v;
        }
      }
      // Y = aX + P X
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          double dot = 0;
          for (int t = 0; t < r; t++) {
            dot += p[i * r + t] * x[t * c + j];
          }
          y[i * c + j] = config.a() * x[i * c + j] + dot;
        }
      }
      double[] swap = x;
      x = y;
      y = swap;
    }
    double decay = 1 - lr * config.weightDecay();
    double adjusted = lr * config.lrScale(rows, columns);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        int at = offset + i * columns + j;
        params[at] = params[at] * decay - adjusted * x[transposed ? j * c + i : i * c + j];
      }
    }
  }

  /** torch.optim.AdamW (amsgrad off) on [start, end), at the shared step count. */
  private void adamW(
      double[] params, double[] gradient, double lr, State state, int start, int end) {
    double beta1 = config.fallbackBeta1();
    double beta2 = config.fallbackBeta2();
    double biasCorrection1 = 1 - Math.pow(beta1, state.step);
    double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, state.step));
    double stepSize = lr / biasCorrection1;
    double decay = 1 - lr * config.fallbackWeightDecay();
    double[] m = state.expAvg;
    double[] v = state.expAvgSq;
    for (int i = start; i < end; i++) {
      double g = gradient[i];
      params[i] *= decay;
      m[i] += (1 - beta1) * (g - m[i]);
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      params[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / biasCorrection2Sqrt + config.fallbackEps());
    }
  }
}
