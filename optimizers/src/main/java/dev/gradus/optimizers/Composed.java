package dev.gradus.optimizers;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
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

  private final Optimizer inner;
  private final Schedule schedule;
  private final GradientClip clip;

  Composed(Optimizer inner, Schedule schedule, GradientClip clip) {
    this.inner = inner;
    this.schedule = schedule;
    this.clip = clip;
  }

  /** The inner state and the number of steps taken. */
  private static final class State implements OptimizerState {
    final OptimizerState inner;
    final String id;
    long step;

    State(OptimizerState inner, String id) {
      this.inner = inner;
      this.id = id;
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
    return new State(BlockAware.init(inner, dimension, blocks), inner.id());
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
    if (inner instanceof PerGroupSchedule grouped) {
      // each group's own rate goes through the schedule, as torch schedules each group's lr, also
      // below wrappers
      grouped.step(params, value, gradient, lr, schedule, state.step, state.inner, objective);
    } else {
      inner.step(params, value, gradient, schedule.lr(state.step, lr), state.inner, objective);
    }
    state.step++;
  }

  @Override
  public double nextLearningRate(OptimizerState optimizerState) {
    if (!(optimizerState instanceof State state)) {
      throw new IllegalArgumentException(
          "a composed '" + id() + "' was given a state it did not make: " + optimizerState);
    }
    return schedule.lr(state.step, inner.learningRate());
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
            id());
    state.step = (long) step;
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
