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
 * A trust-region method with the Steihaug–Toint conjugate-gradient step (Nocedal &amp; Wright,
 * Algorithms 4.1 and 7.2), Hessian-free: p from {@link SecondOrder#steihaug} inside the radius Δ,
 * then ρ = (f(x) − f(x + p)) / (m(0) − m(p)); Δ ← Δ/4 when ρ &lt; 1/4, Δ ← min(2Δ, max_radius) when
 * ρ &gt; 3/4 and p reached the boundary; x ← x + p when ρ &gt; eta. It has no learning rate (the
 * radius sets the step), so a schedule's rate has no effect; the defaults are scipy's trust-ncg's.
 */
final class TrustRegion implements Optimizer {
  static final String ID = "trust-region";

  record Config(double initialRadius, double maxRadius, double eta, long maxCgIterations) {
    static final Config DEFAULTS = new Config(1.0, 1000.0, 0.15, 100);

    Config {
      Common.require(ID, "initial_radius", initialRadius, SecondOrder.POSITIVE);
      Common.require(ID, "max_radius", maxRadius, SecondOrder.POSITIVE);
      Common.require(ID, "eta", eta, Range.closedOpen(0, 0.25));
      Common.require(ID, "max_cg_iterations", maxCgIterations, Range.atLeast(1));
      if (initialRadius > maxRadius) {
        throw new dev.gradus.spi.InvalidHyperParameterException(
            "initial_radius",
            ID
                + ".initial_radius = "
                + initialRadius
                + " is not allowed: must be at most max_radius = "
                + maxRadius);
      }
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          HyperParameter.real(
              "initial_radius", initialRadius, SecondOrder.POSITIVE, "the first radius Δ₀"),
          HyperParameter.real(
              "max_radius", maxRadius, SecondOrder.POSITIVE, "the largest radius Δ may grow to"),
          HyperParameter.real(
              "eta",
              eta,
              Range.closedOpen(0, 0.25),
              "a step is taken when actual/predicted decrease ρ exceeds eta"),
          SecondOrder.maxCgIterations(maxCgIterations));
    }

    static Config of(HyperParameters values) {
      return new Config(
          values.real("initial_radius"),
          values.real("max_radius"),
          values.real("eta"),
          values.integer("max_cg_iterations"));
    }
  }

  static final class State extends OptimizerStateBase {
    final SecondOrder.Workspace workspace;
    double radius;

    State(int dimension, double radius) {
      super(ID, dimension);
      workspace = new SecondOrder.Workspace(dimension);
      this.radius = radius;
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, dimension, Map.of(), Map.of("radius", radius));
    }
  }

  /** ρ below which the radius shrinks, and above which it may grow (N&amp;W Algorithm 4.1). */
  static final double SHRINK_BELOW = 0.25;

  static final double GROW_ABOVE = 0.75;

  private final Config config;

  TrustRegion(Config config) {
    this.config = config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public double learningRate() {
    return 1;
  }

  @Override
  public OptimizerState init(int dimension) {
    return new State(dimension, config.initialRadius());
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
    SecondOrder.Workspace w = state.workspace;
    double predicted =
        SecondOrder.steihaug(
            objective, params, gradient, state.radius, config.maxCgIterations(), w);
    if (!(predicted > 0)) {
      return; // a stationary point of the model: no step can decrease it
    }
    double[] p = w.direction;
    for (int i = 0; i < params.length; i++) {
      w.trial[i] = params[i] + p[i];
    }
    double trialValue = objective.evaluate(w.trial, w.trialGradient);
    double rho = Double.isFinite(trialValue) ? (value - trialValue) / predicted : -1;
    double stepNorm = Math.sqrt(Lbfgs.dot(p, p));
    if (rho < SHRINK_BELOW) {
      state.radius *= 0.25;
    } else if (rho > GROW_ABOVE && stepNorm >= state.radius * (1 - 1e-12)) {
      state.radius = Math.min(2 * state.radius, config.maxRadius());
    }
    if (rho > config.eta()) {
      System.arraycopy(w.trial, 0, params, 0, params.length);
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    double radius = snapshot.scalar("radius");
    if (!(radius > 0)) {
      throw new IllegalArgumentException("snapshot of '" + ID + "': radius = " + radius);
    }
    return new State(dimension, radius);
  }
}
