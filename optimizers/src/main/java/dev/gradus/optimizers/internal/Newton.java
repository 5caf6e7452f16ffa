package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Damped Newton with a line search (Nocedal &amp; Wright, §3.4): the Hessian H is formed from n
 * Hessian-vector products with the unit vectors (and symmetrised), then made positive definite by
 * their Algorithm 3.3, Cholesky with added multiple of the identity: the first τ of max(damping,
 * τ₀), then doubling, for which H + τI has a Cholesky factor, where τ₀ = 0 if H's diagonal is
 * positive and β − min Hᵢᵢ otherwise (β = 10⁻³). The direction solves (H + τI)d = −∇f; Armijo
 * backtracking from the step lr takes it. Dense, so for at most {@link #MAX_DIMENSION} coordinates;
 * newton-cg and trust-region need no matrix.
 */
final class Newton implements Optimizer {
  static final String ID = "newton";

  /** The largest dimension whose dense Hessian (8n² bytes, n products a step) newton forms. */
  static final int MAX_DIMENSION = 2000;

  /** N&amp;W's β of Algorithm 3.3: the first shift when the diagonal is not positive. */
  static final double BETA = 1e-3;

  /** Doublings of τ before a Hessian (one with NaN entries) is given up on for this step. */
  static final int MAX_SHIFTS = 1100;

  record Config(double lr, double damping) {
    static final Config DEFAULTS = new Config(1.0, 0.0);

    Config {
      Common.require(ID, "lr", lr, SecondOrder.POSITIVE);
      Common.require(ID, "damping", damping, Range.atLeast(0));
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          HyperParameter.real(
              "lr", lr, SecondOrder.POSITIVE, "the first step the backtracking line search tries"),
          HyperParameter.real(
              "damping",
              damping,
              Range.atLeast(0),
              "the least multiple τ of the identity added to the Hessian (Levenberg damping)"));
    }

    static Config of(HyperParameters values) {
      return new Config(values.real("lr"), values.real("damping"));
    }
  }

  static final class State extends OptimizerStateBase {
    final double[][] hessian;
    final double[][] factor;
    final double[] unit;
    final SecondOrder.Workspace workspace;

    State(int dimension) {
      super(ID, dimension);
      if (dimension > MAX_DIMENSION) {
        throw new IllegalArgumentException(
            "newton forms the dense Hessian, for at most "
                + MAX_DIMENSION
                + " coordinates; this objective has "
                + dimension
                + ": use newton-cg or trust-region, which need only Hessian-vector products");
      }
      hessian = new double[dimension][dimension];
      factor = new double[dimension][dimension];
      unit = new double[dimension];
      workspace = new SecondOrder.Workspace(dimension);
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, dimension, Map.of(), Map.of());
    }
  }

  private final Config config;

  Newton(Config config) {
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
  public OptimizerState init(int dimension) {
    return new State(dimension);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, ID, optimizerState, params.length);
    int n = params.length;
    double[][] h = state.hessian;
    for (int j = 0; j < n; j++) {
      state.unit[j] = 1;
      objective.hessianVectorProduct(params, state.unit, h[j]); // column j, stored as row j
      state.unit[j] = 0;
    }
    double minDiagonal = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = 0.5 * (h[i][j] + h[j][i]);
        h[i][j] = mean;
        h[j][i] = mean;
      }
      minDiagonal = Math.min(minDiagonal, h[i][i]);
    }
    if (!Double.isFinite(minDiagonal)) {
      return; // a Hessian with NaN or ∞ gives no direction; the run's checks see f itself
    }
    double tau = Math.max(config.damping(), minDiagonal > 0 ? 0 : BETA - minDiagonal);
    boolean factored = cholesky(h, tau, state.factor);
    // doubling reaches any finite Hessian's shift within about 1,100 tries; NaN never factors
    for (int tries = 0; !factored && tries < MAX_SHIFTS; tries++) {
      tau = Math.max(2 * tau, BETA);
      factored = cholesky(h, tau, state.factor);
    }
    if (!factored) {
      return;
    }
    double[] d = state.workspace.direction;
    solve(state.factor, gradient, d);
    for (int i = 0; i < n; i++) {
      d[i] = -d[i];
    }
    SecondOrder.backtrack(objective, params, value, gradient, d, lr, state.workspace);
  }

  /**
   * The lower Cholesky factor L of A + τI into {@code l}.
   *
   * @return false if A + τI is not (numerically) positive definite
   */
  static boolean cholesky(double[][] a, double tau, double[][] l) {
    int n = a.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j] + (i == j ? tau : 0);
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            return false;
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return true;
  }

  /** x with L Lᵀ x = b, by forward then back substitution. */
  static void solve(double[][] l, double[] b, double[] x) {
    int n = b.length;
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = x[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    return new State(dimension);
  }
}
