package dev.gradus.optimizers;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.List;

/**
 * What {@link Optimizers#lookahead} and the other wrapper factories return: a {@link Wrapper}
 * behind a facade that implements {@link MomentumAware} exactly when the wrapped optimizer does (so
 * that a schedule cycling momentum reaches it, and one that cannot is refused as before), and
 * {@link AveragedIterate} exactly when the wrapper or the wrapped optimizer keeps an averaged
 * point.
 */
class Wrapped implements BlockAware, PerGroupSchedule {
  final Wrapper wrapper;

  private Wrapped(Wrapper wrapper) {
    this.wrapper = wrapper;
  }

  /** {@code wrapper} behind the facade with the interfaces it forwards. */
  static BlockAware of(Wrapper wrapper) {
    boolean momentum = wrapper.inner instanceof MomentumAware;
    boolean averaged = wrapper.averages() || wrapper.inner instanceof AveragedIterate;
    if (momentum && averaged) {
      return new Both(wrapper);
    }
    if (momentum) {
      return new Momentum(wrapper);
    }
    return averaged ? new Averaged(wrapper) : new Wrapped(wrapper);
  }

  @Override
  public String id() {
    return wrapper.id();
  }

  @Override
  public double learningRate() {
    return wrapper.learningRate();
  }

  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return wrapper.init(dimension, blocks);
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    return wrapper.restore(snapshot, dimension, blocks);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState state,
      Evaluator objective) {
    wrapper.step(params, value, gradient, lr, state, objective);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      Schedule schedule,
      long t,
      OptimizerState state,
      Evaluator objective) {
    wrapper.step(params, value, gradient, lr, schedule, t, state, objective);
  }

  @Override
  public String toString() {
    return wrapper.name + "(" + wrapper.inner + ")";
  }

  /** Around a momentum-aware optimizer. */
  private static final class Momentum extends Wrapped implements MomentumAware {
    Momentum(Wrapper wrapper) {
      super(wrapper);
    }

    @Override
    public double momentum() {
      return ((MomentumAware) wrapper.inner).momentum();
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        OptimizerState state,
        Evaluator objective) {
      wrapper.step(params, value, gradient, lr, state, objective);
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        double momentum,
        OptimizerState state,
        Evaluator objective) {
      wrapper.step(params, value, gradient, lr, momentum, null, 0, state, objective);
    }
  }

  /** With an averaged point, the wrapper's own or the wrapped optimizer's. */
  private static final class Averaged extends Wrapped implements AveragedIterate {
    Averaged(Wrapper wrapper) {
      super(wrapper);
    }

    @Override
    public String averagedName() {
      return wrapper.averagedName();
    }

    @Override
    public boolean averagedPoint(OptimizerState state, double[] into) {
      return wrapper.averagedPoint(state, into);
    }
  }

  /** Both of the above. */
  private static final class Both extends Wrapped implements MomentumAware, AveragedIterate {
    Both(Wrapper wrapper) {
      super(wrapper);
    }

    @Override
    public double momentum() {
      return ((MomentumAware) wrapper.inner).momentum();
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        OptimizerState state,
        Evaluator objective) {
      wrapper.step(params, value, gradient, lr, state, objective);
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        double momentum,
        OptimizerState state,
        Evaluator objective) {
      wrapper.step(params, value, gradient, lr, momentum, null, 0, state, objective);
    }

    @Override
    public String averagedName() {
      return wrapper.averagedName();
    }

    @Override
    public boolean averagedPoint(OptimizerState state, double[] into) {
      return wrapper.averagedPoint(state, into);
    }
  }
}
