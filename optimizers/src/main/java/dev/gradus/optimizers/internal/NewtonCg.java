package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Line-search Newton–CG, Hessian-free (Nocedal &amp; Wright, Algorithm 7.1): the direction from
 * {@link SecondOrder#truncatedNewton} (conjugate gradients on Hessian-vector products, truncated by
 * the forcing sequence or at negative curvature), then Armijo backtracking from the step lr
 * (Newton's own step at the default 1).
 */
final class NewtonCg implements Optimizer {
  static final String ID = "newton-cg";

  record Config(double lr, long maxCgIterations) {
    static final Config DEFAULTS = new Config(1.0, 100);

    Config {
      Common.require(ID, "lr", lr, SecondOrder.POSITIVE);
      Common.require(ID, "max_cg_iterations", maxCgIterations, dev.gradus.spi.Range.atLeast(1));
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          HyperParameter.real(
              "lr", lr, SecondOrder.POSITIVE, "the first step the backtracking line search tries"),
          SecondOrder.maxCgIterations(maxCgIterations));
    }

    static Config of(HyperParameters values) {
      return new Config(values.real("lr"), values.integer("max_cg_iterations"));
    }
  }

  static final class State extends OptimizerStateBase {
    final SecondOrder.Workspace workspace;

    State(int dimension) {
      super(ID, dimension);
      workspace = new SecondOrder.Workspace(dimension);
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, dimension, Map.of(), Map.of());
    }
  }

  private final Config config;

  NewtonCg(Config config) {
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
    SecondOrder.Workspace w = state.workspace;
    SecondOrder.truncatedNewton(objective, params, gradient, config.maxCgIterations(), w);
    SecondOrder.backtrack(objective, params, value, gradient, w.direction, lr, w);
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    return new State(dimension);
  }
}
