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
 * Shampoo (Gupta, Koren &amp; Singer, 2018, Algorithm 1), per block. For a matrix block G (m × n,
 * viewed in place) with L₀ = εIₘ, R₀ = εIₙ:
 *
 * <pre>
 * G ← G + λθ                                    (L2 weight decay, when λ &gt; 0)
 * L ← L + GGᵀ;   R ← R + GᵀG
 * every update_interval steps (and at step 1): P_L ← L^{−1/4}, P_R ← R^{−1/4}
 * D ← P_L G P_R;   B ← μB + D;   θ ← θ − γB      (B = D when μ = 0)
 * </pre>
 *
 * The inverse roots come from a cyclic Jacobi eigendecomposition L = VΛVᵀ, P = V·max(Λ,
 * ε)^{−1/4}·Vᵀ (eigenvalues are ≥ ε exactly; the max guards round-off). A vector block (rank 1)
 * takes the paper's order-1 case with a diagonal statistic, as Adagrad: H ← H + g² (H₀ = ε), D = g
 * / √H.
 */
final class Shampoo implements BlockAware, MomentumAware {
  static final String ID = "shampoo";
  static final Range LR = Range.atLeast(0);
  static final Range EPS = Range.greaterThan(0);
  static final Range UPDATE_INTERVAL = Range.closed(1, 1_000_000);
  static final Range MOMENTUM = Range.closedOpen(0, 1);
  static final Range WEIGHT_DECAY = Range.atLeast(0);

  /** Jacobi stops when the off-diagonal mass is below this share of the whole (or 100 sweeps). */
  private static final double JACOBI_TOLERANCE = 1e-30;

  private static final int JACOBI_SWEEPS = 100;

  record Config(double lr, double eps, long updateInterval, double momentum, double weightDecay) {
    static final Config DEFAULTS = new Config(1e-2, 1e-6, 1, 0, 0);

    List<HyperParameter> hyperParameters() {
      return List.of(
          HyperParameter.real("lr", lr, LR, "learning rate γ"),
          HyperParameter.real(
              "eps", eps, EPS, "ε: the statistics start at εI (H₀ = ε for vectors)"),
          HyperParameter.integer(
              "update_interval",
              updateInterval,
              UPDATE_INTERVAL,
              "steps between recomputations of L^(−1/4) and R^(−1/4) (1: every step, as the paper)"),
          HyperParameter.real(
              "momentum", momentum, MOMENTUM, "heavy-ball momentum μ on the preconditioned step"),
          HyperParameter.real(
              "weight_decay", weightDecay, WEIGHT_DECAY, "weight decay λ (L2 penalty on G)"));
    }

    Config with(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("eps"),
          values.integer("update_interval"),
          values.real("momentum"),
          values.real("weight_decay"));
    }

    Config {
      Common.require(ID, "lr", lr, LR);
      Common.require(ID, "eps", eps, EPS);
      Common.require(ID, "update_interval", updateInterval, UPDATE_INTERVAL);
      Common.require(ID, "momentum", momentum, MOMENTUM);
      Common.require(ID, "weight_decay", weightDecay, WEIGHT_DECAY);
    }
  }

  /**
   * The statistics L, R of every matrix block concatenated (m² and n² each), their inverse fourth
   * roots in the same layout, the diagonal statistic and momentum buffer (the length of the
   * vector), and scratch for one eigendecomposition and one product, sized for the largest block in
   * init.
   */
  static final class State extends OptimizerStateBase {
    final MatrixLayout layout;
    final int[] leftAt;
    final int[] rightAt;
    long step;
    final double[] left;
    final double[] right;
    final double[] leftRoot;
    final double[] rightRoot;
    final double[] diagonal;
    final double[] momentumBuffer;
    final double[] eigenvalues;
    final double[] work;
    final double[] vectors;
    final double[] product;
    final double[] g;

    State(int dimension, List<ParameterBlock> blocks, double eps) {
      super(ID, dimension);
      layout = new MatrixLayout(dimension, blocks);
      int k = layout.matrices();
      leftAt = new int[k];
      rightAt = new int[k];
      int leftSize = 0;
      int rightSize = 0;
      int side = 0;
      for (int b = 0; b < k; b++) {
        leftAt[b] = leftSize;
        rightAt[b] = rightSize;
        leftSize += layout.rows[b] * layout.rows[b];
        rightSize += layout.columns[b] * layout.columns[b];
        side = Math.max(side, Math.max(layout.rows[b], layout.columns[b]));
      }
      left = new double[leftSize];
      right = new double[rightSize];
      leftRoot = new double[leftSize];
      rightRoot = new double[rightSize];
      for (int b = 0; b < k; b++) {
        identity(left, leftAt[b], layout.rows[b], eps);
        identity(right, rightAt[b], layout.columns[b], eps);
      }
      diagonal = new double[dimension];
      java.util.Arrays.fill(diagonal, eps);
      momentumBuffer = new double[dimension];
      eigenvalues = new double[side];
      work = new double[side * side];
      vectors = new double[side * side];
      product = new double[layout.largestMatrix()];
      g = new double[layout.largestMatrix()];
    }

    private static void identity(double[] into, int at, int n, double scale) {
      for (int i = 0; i < n; i++) {
        into[at + i * n + i] = scale;
      }
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("preconditioner_left", left);
      arrays.put("preconditioner_right", right);
      arrays.put("inverse_root_left", leftRoot);
      arrays.put("inverse_root_right", rightRoot);
      arrays.put("diagonal_sum", diagonal);
      arrays.put("momentum_buffer", momentumBuffer);
      return new StateSnapshot(ID, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final Config config;

  Shampoo(Config config) {
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
    return config.momentum();
  }

  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return new State(dimension, blocks, config.eps());
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, blocks, config.eps());
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "preconditioner_left", state.left);
    Adam.copy(snapshot, "preconditioner_right", state.right);
    Adam.copy(snapshot, "inverse_root_left", state.leftRoot);
    Adam.copy(snapshot, "inverse_root_right", state.rightRoot);
    Adam.copy(snapshot, "diagonal_sum", state.diagonal);
    Adam.copy(snapshot, "momentum_buffer", state.momentumBuffer);
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
    boolean recompute = state.step % config.updateInterval() == 0;
    state.step++;
    MatrixLayout layout = state.layout;
    for (int k = 0; k < layout.matrices(); k++) {
      matrixStep(params, gradient, lr, momentum, state, k, recompute);
    }
    double lambda = config.weightDecay();
    double[] h = state.diagonal;
    double[] buffer = state.momentumBuffer;
    for (int v = 0; v < layout.vectorStarts.length; v++) {
      for (int i = layout.vectorStarts[v]; i < layout.vectorEnds[v]; i++) {
        double g = gradient[i] + lambda * params[i];
        h[i] += g * g;
        buffer[i] = momentum * buffer[i] + g / Math.sqrt(h[i]);
        params[i] -= lr * buffer[i];
      }
    }
  }

  private void matrixStep(
      double[] params,
      double[] gradient,
      double lr,
      double mu,
      State state,
      int k,
      boolean recompute) {
    int offset = state.layout.offsets[k];
    int m = state.layout.rows[k];
    int n = state.layout.columns[k];
    double[] g = state.g;
    double lambda = config.weightDecay();
    for (int i = 0; i < m * n; i++) {
      g[i] = gradient[offset + i] + lambda * params[offset + i];
    }
    double[] left = state.left;
    double[] right = state.right;
    int l0 = state.leftAt[k];
    int r0 = state.rightAt[k];
    // L += G Gᵀ
    for (int i = 0; i < m; i++) {
      for (int j = i; j < m; j++) {
        double dot = 0;
        for (int t = 0; t < n; t++) {
          dot += g[i * n + t] * g[j * n + t];
        }
        left[l0 + i * m + j] += dot;
        if (j != i) {
          left[l0 + j * m + i] += dot;
        }
      }
    }
    // R += Gᵀ G
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double dot = 0;
        for (int t = 0; t < m; t++) {
          dot += g[t * n + i] * g[t * n + j];
        }
        right[r0 + i * n + j] += dot;
        if (j != i) {
          right[r0 + j * n + i] += dot;
        }
      }
    }
    if (recompute) {
      inverseFourthRoot(left, l0, m, state.leftRoot, state);
      inverseFourthRoot(right, r0, n, state.rightRoot, state);
    }
    double[] pl = state.leftRoot;
    double[] pr = state.rightRoot;
    double[] t = state.product;
    // T = P_L G
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double dot = 0;
        for (int s = 0; s < m; s++) {
          dot += pl[l0 + i * m + s] * g[s * n + j];
        }
        t[i * n + j] = dot;
      }
    }
    // D = T P_R; B ← μB + D; θ ← θ − γB
    double[] buffer = state.momentumBuffer;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double dot = 0;
        for (int s = 0; s < n; s++) {
          dot += t[i * n + s] * pr[r0 + s * n + j];
        }
        int at = offset + i * n + j;
        buffer[at] = mu * buffer[at] + dot;
        params[at] -= lr * buffer[at];
      }
    }
  }

  /**
   * into[at, at + n²) ← max(Λ, ε)^{−1/4} in the eigenbasis of the symmetric n × n matrix a[at, at +
   * n²), found by cyclic Jacobi rotations on a copy.
   */
  private void inverseFourthRoot(double[] a, int at, int n, double[] into, State state) {
    double[] w = state.work;
    double[] v = state.vectors;
    double[] lambda = state.eigenvalues;
    System.arraycopy(a, at, w, 0, n * n);
    jacobi(w, v, n);
    for (int i = 0; i < n; i++) {
      lambda[i] = Math.pow(Math.max(w[i * n + i], config.eps()), -0.25);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double sum = 0;
        for (int s = 0; s < n; s++) {
          sum += v[i * n + s] * lambda[s] * v[j * n + s];
        }
        into[at + i * n + j] = sum;
        into[at + j * n + i] = sum;
      }
    }
  }

  /**
   * Diagonalises the symmetric n × n matrix w in place by cyclic Jacobi rotations: on return w's
   * diagonal holds the eigenvalues and column s of v (row-major n × n) the s-th eigenvector.
   */
  static void jacobi(double[] w, double[] v, int n) {
    for (int i = 0; i < n * n; i++) {
      v[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      v[i * n + i] = 1;
    }
    double total = 0;
    for (int i = 0; i < n * n; i++) {
      total += w[i] * w[i];
    }
    for (int sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += 2 * w[p * n + q] * w[p * n + q];
        }
      }
      if (off <= JACOBI_TOLERANCE * total) {
        return;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = w[p * n + q];
          if (apq == 0) {
            continue;
          }
          // choose the rotation that zeroes w[p][q]: t = tan θ, the smaller root of t² + 2τt − 1
          double tau = (w[q * n + q] - w[p * n + p]) / (2 * apq);
          double t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
          double c = 1 / Math.sqrt(1 + t * t);
          double s = t * c;
          for (int r = 0; r < n; r++) {
            // columns p and q of W: W ← W J
            double wrp = w[r * n + p];
            double wrq = w[r * n + q];
            w[r * n + p] = c * wrp - s * wrq;
            w[r * n + q] = s * wrp + c * wrq;
          }
          for (int r = 0; r < n; r++) {
            // rows p and q: W ← Jᵀ W
            double wpr = w[p * n + r];
            double wqr = w[q * n + r];
            w[p * n + r] = c * wpr - s * wqr;
            w[q * n + r] = s * wpr + c * wqr;
          }
          w[p * n + q] = 0;
          w[q * n + p] = 0;
          for (int r = 0; r < n; r++) {
            double vrp = v[r * n + p];
            double vrq = v[r * n + q];
            v[r * n + p] = c * vrp - s * vrq;
            v[r * n + q] = s * vrp + c * vrq;
          }
        }
      }
    }
  }
}
