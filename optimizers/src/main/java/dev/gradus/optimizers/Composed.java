package dev.gradus.optimizers;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** clip → schedule → inner; see {@link Optimizers#compose}. */
class Composed implements ComposedOptimizer {
  static final String PREFIX = "inner.";
  static final String STEP = "schedule_step";
  static final String SCHEDULE = "schedule.";

  private final Optimizer inner;
  private final Schedule schedule;
  private final GradientClip clip;

  Composed(Optimizer inner, Schedule schedule, GradientClip clip) {
    this.inner = inner;
    this.schedule = schedule;
    this.clip = clip;
    if (schedule.cyclesMomentum()) {
      if (!(algorithm(inner) instanceof MomentumAware)) {
        throw new IllegalArgumentException(
            "optimizer '"
                + inner.id()
                + "' has neither a momentum nor a β₁ for the schedule to cycle (torch: \"optimizer"
                + " must support momentum or beta1 with `cycle_momentum` option enabled\"); set"
                + " cycle_momentum: false");
      }
    }
  }

  /**
   * The algorithm whose momentum a schedule cycles: below any wrappers, a grouped optimizer's base
   * (every group has its provider), else {@code optimizer} itself.
   */
  static Optimizer algorithm(Optimizer optimizer) {
    Optimizer current = optimizer;
    while (true) {
      if (current instanceof Wrapped facade) {
        current = facade.wrapper.inner;
      } else if (current instanceof Wrapper wrapper) {
        current = wrapper.inner;
      } else if (current instanceof Grouped grouped) {
        return grouped.base();
      } else {
        return current;
      }
    }
  }

  /** The inner state and the number of steps taken. */
  private static final class State implements OptimizerState {
    final OptimizerState inner;
    final String id;
    long step;

    /** A loss-driven schedule's state, else null. */
    final double[] scheduleState;

    /** The schedule as a function of the step, reading {@link #scheduleState} when there is one. */
    final Schedule view;

    final LossDrivenSchedule loss;

    State(OptimizerState inner, String id, Schedule schedule) {
      this.inner = inner;
      this.id = id;
      if (schedule instanceof LossDrivenSchedule loss) {
        this.loss = loss;
        double[] own = loss.initialState();
        scheduleState = own;
        view = (t, baseLr) -> loss.lr(own, baseLr);
      } else {
        this.loss = null;
        scheduleState = null;
        view = schedule;
      }
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public StateSnapshot snapshot() {
      StateSnapshot innerSnapshot = inner.snapshot();
      Map<String, double[]> arrays = new LinkedHashMap<>();
      innerSnapshot.arrays().forEach((name, array) -> arrays.put(PREFIX + name, array));
      Map<String, Double> scalars = new LinkedHashMap<>();
      innerSnapshot.scalars().forEach((name, value) -> scalars.put(PREFIX + name, value));
      scalars.put(STEP, (double) step);
      if (scheduleState != null) {
        List<String> names = loss.stateNames();
        for (int i = 0; i < scheduleState.length; i++) {
          scalars.put(SCHEDULE + names.get(i), scheduleState[i]);
        }
      }
      return new StateSnapshot(id, dimension(), arrays, scalars);
    }
  }

  @Override
  public String id() {
    return inner.id();
  }

  @Override
  public double learningRate() {
    return inner.learningRate();
  }

  /**
   * The inner optimizer's state for {@code blocks}, when it is block-aware; else its flat state.
   */
  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return new State(BlockAware.init(inner, dimension, blocks), inner.id(), schedule);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    if (!(optimizerState instanceof State state)) {
      throw new IllegalArgumentException(
          "a composed '" + id() + "' was given a state it did not make: " + optimizerState);
    }
    clip.clip(gradient);
    Schedule rates = state.view;
    long t = state.step;
    if (inner instanceof PerGroupSchedule grouped) {
      // each group's own rate (and momentum) goes through the schedule, as torch schedules each
      // group's lr, also below wrappers
      grouped.step(params, value, gradient, lr, rates, t, state.inner, objective);
    } else if (schedule.cyclesMomentum()) {
      MomentumAware aware = (MomentumAware) inner;
      aware.step(
          params,
          value,
          gradient,
          rates.lr(t, lr),
          rates.momentum(t, aware.momentum()),
          state.inner,
          objective);
    } else {
      inner.step(params, value, gradient, rates.lr(t, lr), state.inner, objective);
    }
    if (state.scheduleState != null) {
      // torch: optimizer.step() with the current lr, then scheduler.step(loss at x_t)
      state.loss.observe(state.scheduleState, value);
    }
    state.step++;
  }

  @Override
  public double nextLearningRate(OptimizerState optimizerState) {
    if (!(optimizerState instanceof State state)) {
      throw new IllegalArgumentException(
          "a composed '" + id() + "' was given a state it did not make: " + optimizerState);
    }
    return state.view.lr(state.step, inner.learningRate());
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(id(), dimension);
    double step = snapshot.scalar(STEP);
    if (!(step >= 0) || step != Math.rint(step)) {
      throw new IllegalArgumentException("snapshot: '" + STEP + "' = " + step);
    }
    Map<String, double[]> arrays = new LinkedHashMap<>();
    snapshot
        .arrays()
        .forEach(
            (name, array) -> {
              if (name.startsWith(PREFIX)) {
                arrays.put(name.substring(PREFIX.length()), array);
              }
            });
    Map<String, Double> scalars = new LinkedHashMap<>();
    snapshot
        .scalars()
        .forEach(
            (name, value) -> {
              if (name.startsWith(PREFIX)) {
                scalars.put(name.substring(PREFIX.length()), value);
              }
            });
    State state =
        new State(
            BlockAware.restore(
                inner, new StateSnapshot(id(), dimension, arrays, scalars), dimension, blocks),
            id(),
            schedule);
    state.step = (long) step;
    if (state.scheduleState != null) {
      LossDrivenSchedule loss = (LossDrivenSchedule) schedule;
      List<String> names = loss.stateNames();
      for (int i = 0; i < names.size(); i++) {
        state.scheduleState[i] = snapshot.scalar(SCHEDULE + names.get(i));
      }
      loss.check(state.scheduleState);
    }
    return state;
  }

  /** Composed around an optimizer with an averaged point, which it forwards from its state. */
  static final class Averaged extends Composed implements AveragedIterate {
    private final AveragedIterate averaged;

    Averaged(Optimizer inner, Schedule schedule, GradientClip clip) {
      super(inner, schedule, clip);
      this.averaged = (AveragedIterate) inner;
    }

    @Override
    public String averagedName() {
      return averaged.averagedName();
    }

    @Override
    public boolean averagedPoint(OptimizerState optimizerState, double[] into) {
      if (!(optimizerState instanceof State state)) {
        throw new IllegalArgumentException(
            "a composed '" + id() + "' was given a state it did not make: " + optimizerState);
      }
      return averaged.averagedPoint(state.inner, into);
    }
  }
}
