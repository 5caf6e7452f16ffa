package dev.gradus.plugins.lars;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * LARS (You, Gitman &amp; Ginsburg, 2017): SGD with momentum whose step in each block (layer) is
 * scaled by a trust ratio η‖w‖ / (‖g‖ + β‖w‖), so that every layer moves by about the same share of
 * its own norm. It needs the blocks, so it is {@link BlockAware}; on a flat vector it is one block,
 * a normalised SGD.
 *
 * <p>Per block b and step: λ = η‖w_b‖ / (‖g_b‖ + β‖w_b‖), or 1 when either norm is 0 (a block at
 * zero, or at a stationary point, has no scale to trust); v_b ← μ·v_b + γ·λ·(g_b + β·w_b); w_b ←
 * w_b − v_b.
 */
final class Lars implements BlockAware {
  static final String ID = "lars-example";

  /** Validated by the provider's declared ranges; the record only keeps them together. */
  record Config(double lr, double momentum, double weightDecay, double trust) {}

  private final Config config;

  Lars(Config config) {
    this.config = config;
  }

  /** The velocity, and where each block starts and ends (from init). */
  private static final class State implements OptimizerState {
    final double[] velocity;
    final int[] starts;
    final int[] ends;

    State(int dimension, List<ParameterBlock> blocks) {
      ParameterBlock.requireTiling(blocks, dimension);
      velocity = new double[dimension];
      starts = new int[blocks.size()];
      ends = new int[blocks.size()];
      for (int b = 0; b < blocks.size(); b++) {
        starts[b] = blocks.get(b).offset();
        ends[b] = blocks.get(b).end();
      }
    }

    @Override
    public int dimension() {
      return velocity.length;
    }

    /** The blocks are not state: the runner restores with the same blocks it started with. */
    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, velocity.length, Map.of("velocity", velocity), Map.of());
    }
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
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return new State(dimension, blocks);
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(ID, dimension);
    double[] velocity = snapshot.array("velocity");
    if (velocity.length != dimension) {
      throw new IllegalArgumentException(
          "snapshot of 'lars-example': velocity has "
              + velocity.length
              + " entries, not "
              + dimension);
    }
    State state = new State(dimension, blocks);
    System.arraycopy(velocity, 0, state.velocity, 0, dimension);
    return state;
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    if (!(optimizerState instanceof State state) || state.dimension() != params.length) {
      throw new IllegalArgumentException("lars-example was given a state it did not make");
    }
    double beta = config.weightDecay();
    for (int b = 0; b < state.starts.length; b++) {
      double weights = 0;
      double grads = 0;
      for (int i = state.starts[b]; i < state.ends[b]; i++) {
        weights += params[i] * params[i];
        grads += gradient[i] * gradient[i];
      }
      weights = Math.sqrt(weights);
      grads = Math.sqrt(grads);
      double trust =
          weights > 0 && grads > 0 ? config.trust() * weights / (grads + beta * weights) : 1;
      for (int i = state.starts[b]; i < state.ends[b]; i++) {
        double v =
            config.momentum() * state.velocity[i] + lr * trust * (gradient[i] + beta * params[i]);
        state.velocity[i] = v;
        params[i] -= v;
      }
    }
  }
}
