package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * torch.optim.LBFGS: up to {@code max_iter} quasi-Newton iterations per step, each along the
 * direction d = −H∇f that the two-loop recursion builds from the last {@code history_size} pairs sᵢ
 * = θᵢ₊₁ − θᵢ, yᵢ = ∇fᵢ₊₁ − ∇fᵢ (a pair is kept only when yᵀs > 1e-10), with H₀ = yᵀs / yᵀy. The
 * step length is {@code min(1, 1/‖∇f‖₁)·lr} on the very first iteration and {@code lr} after, or
 * what the strong-Wolfe line search finds from there. An iteration stops the step when the
 * directional derivative is above −tolerance_change, ‖∇f‖_∞ ≤ tolerance_grad, ‖t·d‖_∞ ≤
 * tolerance_change, |Δf| < tolerance_change, or the step's evaluations reach {@code max_eval}.
 *
 * <p>The value and gradient passed to {@link #step} are the step's first evaluation; further ones
 * go through the {@link Evaluator}. History vectors are allocated as the history fills, and reused
 * once it is full.
 */
final class Lbfgs implements Optimizer {
  static final String ID = "lbfgs";
  static final String NONE = "none";
  static final String STRONG_WOLFE = "strong_wolfe";

  /** Curvature pairs with yᵀs at or below this are skipped, keeping H positive definite. */
  private static final double MIN_CURVATURE = 1e-10;

  record Config(
      double lr,
      long maxIter,
      long maxEval,
      double toleranceGrad,
      double toleranceChange,
      long historySize,
      String lineSearch) {
    /** {@code maxEval = 0} stands for max_iter·5/4 (integer division), torch's default. */
    static final Config DEFAULTS = new Config(1, 20, 0, 1e-7, 1e-9, 100, NONE);

    Config {
      Common.require(ID, "lr", lr, Range.atLeast(0));
      Common.require(ID, "max_iter", maxIter, Range.closed(1, Integer.MAX_VALUE));
      Common.require(ID, "max_eval", maxEval, Range.closed(0, Long.MAX_VALUE / 2.0));
      Common.require(ID, "tolerance_grad", toleranceGrad, Range.atLeast(0));
      Common.require(ID, "tolerance_change", toleranceChange, Range.atLeast(0));
      Common.require(ID, "history_size", historySize, Range.closed(1, 100_000));
      if (!NONE.equals(lineSearch) && !STRONG_WOLFE.equals(lineSearch)) {
        throw new dev.gradus.spi.InvalidHyperParameterException(
            "line_search",
            ID + ".line_search = '" + lineSearch + "' is not allowed: one of [none, strong_wolfe]");
      }
    }

    long effectiveMaxEval() {
      return maxEval == 0 ? maxIter * 5 / 4 : maxEval;
    }
  }

  /**
   * Everything that carries over between steps (as torch's state dict: d, t, the (s, y, ρ) history
   * as a ring, H_diag, the previous gradient and loss, counters) plus preallocated scratch.
   */
  static final class State extends OptimizerStateBase {
    long funcEvals;
    long nIter;
    double t;
    double hDiag = 1;
    double prevLoss = Double.NaN;
    final double[] d;
    final double[] prevFlatGrad;
    final double[][] oldDirs;
    final double[][] oldStps;
    final double[] ro;
    int historyStart;
    int historyCount;
    // scratch, not part of the snapshot
    final double[] al;
    final double[] flatGrad;
    final StrongWolfe search;

    State(int dimension, Config config) {
      super(ID, dimension);
      int history = (int) config.historySize();
      d = new double[dimension];
      prevFlatGrad = new double[dimension];
      oldDirs = new double[history][];
      oldStps = new double[history][];
      ro = new double[history];
      al = new double[history];
      flatGrad = new double[dimension];
      search = STRONG_WOLFE.equals(config.lineSearch()) ? new StrongWolfe(dimension) : null;
    }

    int slot(int age) {
      return (historyStart + age) % ro.length;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("d", d);
      arrays.put("prev_flat_grad", prevFlatGrad);
      double[] dirs = new double[historyCount * dimension];
      double[] stps = new double[historyCount * dimension];
      double[] rho = new double[historyCount];
      for (int age = 0; age < historyCount; age++) {
        int slot = slot(age);
        System.arraycopy(oldDirs[slot], 0, dirs, age * dimension, dimension);
        System.arraycopy(oldStps[slot], 0, stps, age * dimension, dimension);
        rho[age] = ro[slot];
      }
      arrays.put("old_dirs", dirs);
      arrays.put("old_stps", stps);
      arrays.put("ro", rho);
      Map<String, Double> scalars = new LinkedHashMap<>();
      scalars.put("func_evals", (double) funcEvals);
      scalars.put("n_iter", (double) nIter);
      scalars.put("t", t);
      scalars.put("H_diag", hDiag);
      scalars.put("prev_loss", prevLoss);
      return new StateSnapshot(optimizerId, dimension, arrays, scalars);
    }
  }

  private final Config config;

  Lbfgs(Config config) {
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
    return new State(dimension, config);
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
    double[] g = state.flatGrad;
    double[] d = state.d;
    System.arraycopy(gradient, 0, g, 0, n);
    double loss = value;
    long currentEvals = 1;
    state.funcEvals++;
    if (maxAbs(g) <= config.toleranceGrad()) {
      return;
    }
    long maxEval = config.effectiveMaxEval();
    boolean strongWolfe = state.search != null;
    long iteration = 0;
    while (iteration < config.maxIter()) {
      iteration++;
      state.nIter++;
      if (state.nIter == 1) {
        for (int i = 0; i < n; i++) {
          d[i] = -g[i];
        }
        state.historyCount = 0;
        state.historyStart = 0;
        state.hDiag = 1;
      } else {
        updateHistory(state, g);
        twoLoopDirection(state, g);
      }
      System.arraycopy(g, 0, state.prevFlatGrad, 0, n);
      state.prevLoss = loss;
      state.t = state.nIter == 1 ? Math.min(1, 1 / sumAbs(g)) * lr : lr;
      double gtd = dot(g, d);
      if (gtd > -config.toleranceChange()) {
        break;
      }
      long searchEvals = 0;
      boolean optimal = false;
      if (strongWolfe) {
        StrongWolfe search = state.search;
        search.search(objective, params, state.t, d, loss, g, gtd);
        loss = search.value;
        state.t = search.step;
        searchEvals = search.evaluations;
        addScaled(params, state.t, d);
        optimal = maxAbs(g) <= config.toleranceGrad();
      } else {
        addScaled(params, state.t, d);
        if (iteration != config.maxIter()) {
          loss = objective.evaluate(params, g);
          searchEvals = 1;
          optimal = maxAbs(g) <= config.toleranceGrad();
        }
      }
      currentEvals += searchEvals;
      state.funcEvals += searchEvals;
      if (iteration == config.maxIter()
          || currentEvals >= maxEval
          || optimal
          || maxAbsScaled(d, state.t) <= config.toleranceChange()
          || Math.abs(loss - state.prevLoss) < config.toleranceChange()) {
        break;
      }
    }
  }

  /** Adds the pair (s, y) = (t·d, g − g_prev) from the last iteration, if its curvature is >0. */
  private static void updateHistory(State state, double[] g) {
    double[] d = state.d;
    double[] prev = state.prevFlatGrad;
    double t = state.t;
    double ys = 0;
    for (int i = 0; i < g.length; i++) {
      ys += (g[i] - prev[i]) * (d[i] * t);
    }
    if (!(ys > MIN_CURVATURE)) {
      return;
    }
    int capacity = state.ro.length;
    int slot;
    if (state.historyCount == capacity) {
      slot = state.historyStart;
      state.historyStart = (state.historyStart + 1) % capacity;
    } else {
      slot = state.slot(state.historyCount);
      state.historyCount++;
    }
    if (state.oldDirs[slot] == null) {
      state.oldDirs[slot] = new double[g.length];
      state.oldStps[slot] = new double[g.length];
    }
    double[] y = state.oldDirs[slot];
    double[] s = state.oldStps[slot];
    double yy = 0;
    for (int i = 0; i < g.length; i++) {
      y[i] = g[i] - prev[i];
      s[i] = d[i] * t;
      yy += y[i] * y[i];
    }
    state.ro[slot] = 1 / ys;
    state.hDiag = ys / yy;
  }

  /** d ← −H∇f by the two-loop recursion, newest pair first, then oldest first. */
  private static void twoLoopDirection(State state, double[] g) {
    double[] q = state.d;
    for (int i = 0; i < g.length; i++) {
      q[i] = -g[i];
    }
    for (int age = state.historyCount - 1; age >= 0; age--) {
      int slot = state.slot(age);
      state.al[age] = dot(state.oldStps[slot], q) * state.ro[slot];
      addScaled(q, -state.al[age], state.oldDirs[slot]);
    }
    for (int i = 0; i < q.length; i++) {
      q[i] *= state.hDiag;
    }
    for (int age = 0; age < state.historyCount; age++) {
      int slot = state.slot(age);
      double beta = dot(state.oldDirs[slot], q) * state.ro[slot];
      addScaled(q, state.al[age] - beta, state.oldStps[slot]);
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, config);
    state.funcEvals = Common.count(snapshot, "func_evals");
    state.nIter = Common.count(snapshot, "n_iter");
    state.t = snapshot.scalar("t");
    state.hDiag = snapshot.scalar("H_diag");
    state.prevLoss = snapshot.scalar("prev_loss");
    Adam.copy(snapshot, "d", state.d);
    Adam.copy(snapshot, "prev_flat_grad", state.prevFlatGrad);
    double[] rho = snapshot.array("ro");
    if (rho.length > state.ro.length) {
      throw new IllegalArgumentException(
          "snapshot of 'lbfgs' holds "
              + rho.length
              + " history pairs, more than history_size = "
              + state.ro.length);
    }
    double[] dirs = Common.array(snapshot, "old_dirs", rho.length * dimension);
    double[] stps = Common.array(snapshot, "old_stps", rho.length * dimension);
    for (int age = 0; age < rho.length; age++) {
      state.oldDirs[age] = new double[dimension];
      state.oldStps[age] = new double[dimension];
      System.arraycopy(dirs, age * dimension, state.oldDirs[age], 0, dimension);
      System.arraycopy(stps, age * dimension, state.oldStps[age], 0, dimension);
      state.ro[age] = rho[age];
    }
    state.historyCount = rho.length;
    return state;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** x ← x + a·v. */
  static void addScaled(double[] x, double a, double[] v) {
    for (int i = 0; i < x.length; i++) {
      x[i] += a * v[i];
    }
  }

  static double maxAbs(double[] v) {
    double max = 0;
    for (double e : v) {
      max = Math.max(max, Math.abs(e));
    }
    return max;
  }

  private static double maxAbsScaled(double[] v, double scale) {
    double max = 0;
    for (double e : v) {
      max = Math.max(max, Math.abs(e * scale));
    }
    return max;
  }

  private static double sumAbs(double[] v) {
    double sum = 0;
    for (double e : v) {
      sum += Math.abs(e);
    }
    return sum;
  }
}
