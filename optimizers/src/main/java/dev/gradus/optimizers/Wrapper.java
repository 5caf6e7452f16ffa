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

/**
 * An optimizer wrapper ({@link Optimizers#lookahead}, {@link Optimizers#ema}, {@link
 * Optimizers#swa}, {@link Optimizers#sam}): its own per-run state next to the inner optimizer's,
 * and a step that calls the inner step once. Callers never see a wrapper itself but a {@link
 * Wrapped} facade, which is {@link MomentumAware} and {@link AveragedIterate} exactly when the
 * wrapped optimizer (or the wrapper) is.
 *
 * <p>The inner step receives what the wrapper was given: the learning rate, the momentum a schedule
 * sets (NaN for none) and, under {@link Composed}, the schedule itself, which a grouped optimizer
 * below applies to each group's own rate.
 */
abstract class Wrapper implements BlockAware, PerGroupSchedule {
  static final String INNER = "inner.";

  final Optimizer inner;
  final String name;

  Wrapper(String name, Optimizer inner) {
    this.name = name;
    this.inner = java.util.Objects.requireNonNull(inner, "inner");
  }

  /** The inner state and the wrapper's own. */
  abstract static class State implements OptimizerState {
    final Wrapper owner;
    final int dimension;
    OptimizerState inner;

    State(Wrapper owner, int dimension) {
      this.owner = owner;
      this.dimension = dimension;
    }

    @Override
    public int dimension() {
      return dimension;
    }

    /** Adds the wrapper's own entries, unprefixed. */
    abstract void own(Map<String, double[]> arrays, Map<String, Double> scalars);

    /** The wrapper's own entries, then the inner snapshot's under {@code inner.}. */
    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      Map<String, Double> scalars = new LinkedHashMap<>();
      own(arrays, scalars);
      StateSnapshot innerSnapshot = inner.snapshot();
      innerSnapshot.arrays().forEach((n, a) -> arrays.put(INNER + n, a));
      innerSnapshot.scalars().forEach((n, v) -> scalars.put(INNER + n, v));
      return new StateSnapshot(owner.id(), dimension, arrays, scalars);
    }
  }

  /**
   * The own state of a wrapper that keeps one point beside the inner state (lookahead's slow
   * weights, an EMA, an SWA average) and counts its steps; snapshot as the array {@code name} and
   * the scalar {@code step}.
   */
  static class PointState extends State {
    final String name;
    final double[] point;
    long step;

    PointState(Wrapper owner, int dimension, String name) {
      super(owner, dimension);
      this.name = name;
      this.point = new double[dimension];
    }

    @Override
    void own(Map<String, double[]> arrays, Map<String, Double> scalars) {
      arrays.put(name, point.clone());
      scalars.put("step", (double) step);
    }

    /** Fills this state's point and step from a snapshot's own entries; returns this. */
    PointState restoredFrom(StateSnapshot own) {
      System.arraycopy(array(own, name, dimension), 0, point, 0, dimension);
      step = count(own, "step");
      return this;
    }
  }

  /** A fresh own state, before any step. */
  abstract State fresh(int dimension);

  /** Own state from the snapshot's own (unprefixed) entries. */
  abstract State restoreOwn(StateSnapshot own, int dimension);

  /** One step: the wrapper's work around one {@link #stepInner} call. */
  abstract void wrapStep(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      Schedule schedule,
      long t,
      State state,
      Evaluator objective);

  @Override
  public String id() {
    return inner.id();
  }

  @Override
  public double learningRate() {
    return inner.learningRate();
  }

  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    State state = fresh(dimension);
    state.inner = BlockAware.init(inner, dimension, blocks);
    return state;
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(id(), dimension);
    Map<String, double[]> ownArrays = new LinkedHashMap<>();
    Map<String, Double> ownScalars = new LinkedHashMap<>();
    Map<String, double[]> innerArrays = new LinkedHashMap<>();
    Map<String, Double> innerScalars = new LinkedHashMap<>();
    snapshot
        .arrays()
        .forEach(
            (n, a) -> {
              if (n.startsWith(INNER)) {
                innerArrays.put(n.substring(INNER.length()), a);
              } else {
                ownArrays.put(n, a);
              }
            });
    snapshot
        .scalars()
        .forEach(
            (n, v) -> {
              if (n.startsWith(INNER)) {
                innerScalars.put(n.substring(INNER.length()), v);
              } else {
                ownScalars.put(n, v);
              }
            });
    State state = restoreOwn(new StateSnapshot(id(), dimension, ownArrays, ownScalars), dimension);
    state.inner =
        BlockAware.restore(
            inner,
            new StateSnapshot(id(), dimension, innerArrays, innerScalars),
            dimension,
            blocks);
    return state;
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState state,
      Evaluator objective) {
    step(params, value, gradient, lr, Double.NaN, null, 0, state, objective);
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
    step(params, value, gradient, lr, Double.NaN, schedule, t, state, objective);
  }

  /**
   * @param momentum the momentum a schedule sets for this step, NaN for the configured one
   * @param schedule null for none: the inner optimizer steps with {@code lr}
   */
  final void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      Schedule schedule,
      long t,
      OptimizerState state,
      Evaluator objective) {
    wrapStep(params, value, gradient, lr, momentum, schedule, t, check(state), objective);
  }

  final State check(OptimizerState state) {
    if (!(state instanceof State own) || own.owner.getClass() != getClass()) {
      throw new IllegalArgumentException(
          name + " around '" + id() + "' was given a state it did not make: " + state);
    }
    return own;
  }

  /** The inner optimizer's step, passing on the momentum and the schedule. */
  final void stepInner(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      Schedule schedule,
      long t,
      State state,
      Evaluator objective) {
    Optimizer target = inner instanceof Wrapped facade ? facade.wrapper : inner;
    if (target instanceof Wrapper wrapper) {
      wrapper.step(params, value, gradient, lr, momentum, schedule, t, state.inner, objective);
    } else if (schedule != null && Double.isNaN(momentum) && target instanceof PerGroupSchedule g) {
      g.step(params, value, gradient, lr, schedule, t, state.inner, objective);
    } else {
      double rate = schedule == null ? lr : schedule.lr(t, lr);
      if (Double.isNaN(momentum)
          && schedule != null
          && schedule.cyclesMomentum()
          && target instanceof MomentumAware aware) {
        momentum = schedule.momentum(t, aware.momentum());
      }
      if (Double.isNaN(momentum)) {
        target.step(params, value, gradient, rate, state.inner, objective);
      } else {
        ((MomentumAware) target)
            .step(params, value, gradient, rate, momentum, state.inner, objective);
      }
    }
  }

  /** Whether this wrapper keeps an averaged point of its own (EMA, SWA). */
  boolean averages() {
    return false;
  }

  /** The averaged point's name: the wrapper's own, or the inner optimizer's; null for none. */
  String averagedName() {
    return inner instanceof AveragedIterate averaged ? averaged.averagedName() : null;
  }

  /** The averaged point: the wrapper's own, or the inner optimizer's. */
  boolean averagedPoint(OptimizerState state, double[] into) {
    return AveragedIterate.averagedPoint(inner, check(state).inner, into);
  }

  /** The snapshot's whole-number scalar {@code key}. */
  static long count(StateSnapshot snapshot, String key) {
    double value = snapshot.scalar(key);
    if (!(value >= 0) || value != Math.rint(value)) {
      throw new IllegalArgumentException(
          "snapshot of '" + snapshot.optimizerId() + "': '" + key + "' = " + value);
    }
    return (long) value;
  }

  /** The snapshot's array {@code key}, checked to have {@code length} entries. */
  static double[] array(StateSnapshot snapshot, String key, int length) {
    double[] array = snapshot.array(key);
    if (array.length != length) {
      throw new IllegalArgumentException(
          "snapshot of '"
              + snapshot.optimizerId()
              + "': array '"
              + key
              + "' has "
              + array.length
              + " entries, expected "
              + length);
    }
    return array;
  }
}
