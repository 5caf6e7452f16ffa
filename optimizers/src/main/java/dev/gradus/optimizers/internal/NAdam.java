package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * torch.optim.NAdam:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f
 * θ ← θ − γλθ if decoupled_weight_decay, else g ← g + λθ
 * μₜ ← β₁(1 − ½·0.96^(tψ));   μₜ₊₁ ← β₁(1 − ½·0.96^((t+1)ψ))
 * m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²
 * m̂ ← μₜ₊₁m / (1 − Π₁^{t+1} μᵢ) + (1 − μₜ)g / (1 − Π₁^t μᵢ);   v̂ ← v / (1 − β₂ᵗ)
 * θ ← θ − γ m̂ / (√v̂ + ε)
 * </pre>
 */
final class NAdam implements MomentumAware {
  static final String ID = "nadam";

  record Config(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      double momentumDecay,
      boolean decoupledWeightDecay,
      boolean maximize) {
    static final Config DEFAULTS = new Config(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3, false, false);

    Config {
      Common.require(ID, "lr", lr, Range.atLeast(0));
      Common.require(ID, "betas", beta1, Range.closedOpen(0, 1));
      Common.require(ID, "betas", beta2, Range.closedOpen(0, 1));
      Common.require(ID, "eps", eps, Range.atLeast(0));
      Common.require(ID, "weight_decay", weightDecay, Range.atLeast(0));
      Common.require(ID, "momentum_decay", momentumDecay, Range.atLeast(0));
    }
  }

  /** Moments and the running product Π μᵢ of the momentum schedule (1 before the first step). */
  static final class State extends OptimizerStateBase {
    long step;
    double muProduct = 1;
    final double[] expAvg;
    final double[] expAvgSq;

    State(int dimension) {
      super(ID, dimension);
      expAvg = new double[dimension];
      expAvgSq = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("exp_avg", expAvg);
      arrays.put("exp_avg_sq", expAvgSq);
      Map<String, Double> scalars = new LinkedHashMap<>();
      scalars.put("step", (double) step);
      scalars.put("mu_product", muProduct);
      return new StateSnapshot(optimizerId, dimension, arrays, scalars);
    }
  }

  private final Config config;

  NAdam(Config config) {
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

  /** β₁, which a schedule's cycle_momentum replaces step by step (torch: {@code betas[0]}). */
  @Override
  public double momentum() {
    return config.beta1();
  }

  /** One step with β₁ = {@code momentum} in μ_t, μ_{t+1} and the first moment, as torch does. */
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
    state.step++;
    long t = state.step;
    double beta1 = momentum;
    double beta2 = config.beta2();
    double psi = config.momentumDecay();
    double lambda = config.weightDecay();
    double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
    double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
    state.muProduct *= mu;
    double muProductNext = state.muProduct * muNext;
    double biasCorrection2 = 1 - Math.pow(beta2, t);
    double gradStep = lr * (1 - mu) / (1 - state.muProduct);
    double momentumStep = lr * muNext / (1 - muProductNext);
    double[] m = state.expAvg;
    double[] v = state.expAvgSq;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        if (config.decoupledWeightDecay()) {
          params[i] *= 1 - lr * lambda;
        } else {
          g += lambda * params[i];
        }
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double denominator = Math.sqrt(v[i] / biasCorrection2) + config.eps();
      params[i] -= gradStep * g / denominator;
      params[i] -= momentumStep * m[i] / denominator;
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension);
    state.step = Common.count(snapshot, "step");
    state.muProduct = snapshot.scalar("mu_product");
    Adam.copy(snapshot, "exp_avg", state.expAvg);
    Adam.copy(snapshot, "exp_avg_sq", state.expAvgSq);
    return state;
  }
}
