package dev.gradus.optimizers;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter groups over one flat vector; see {@link Optimizers#grouped}.
 *
 * <p>Each group with at least one block is a part: its blocks' coordinates are gathered into the
 * part's own buffers, its optimizer steps them, and the new values are scattered back. The buffers
 * are made once per run in {@link #init}, so a step copies but allocates nothing. Gathering keeps
 * the inner optimizers unchanged: each sees a contiguous vector, as torch's per-group loop sees a
 * list of tensors.
 */
class Grouped implements BlockAware, PerGroupSchedule {
  static final String REST = "rest.";

  private final Optimizer base;
  private final List<ParamGroup> groups;
  private final List<String> patterns;

  Grouped(Optimizer base, List<ParamGroup> groups) {
    this.base = base;
    this.groups = List.copyOf(groups);
    List<String> patterns = new ArrayList<>();
    for (ParamGroup group : this.groups) {
      if (!group.optimizer().id().equals(base.id())) {
        throw new IllegalArgumentException(
            "parameter group '"
                + group.blocks()
                + "' has optimizer '"
                + group.optimizer().id()
                + "', but the groups' optimizer is '"
                + base.id()
                + "': groups differ in hyperparameters, not in the algorithm");
      }
      patterns.add(group.blocks());
    }
    this.patterns = List.copyOf(patterns);
  }

  /** The entry's optimizer (the groups' algorithm). */
  Optimizer base() {
    return base;
  }

  static String prefix(int group) {
    return "group" + group + ".";
  }

  /** One group's blocks, buffers, optimizer and state. */
  private static final class Part {
    final String prefix;
    final Optimizer optimizer;
    final int[] starts;
    final int[] lengths;
    final List<ParameterBlock> blocks;
    final double[] params;
    final double[] gradient;
    final Restricted evaluator;
    OptimizerState state;

    Part(String prefix, Optimizer optimizer, List<ParameterBlock> members) {
      this.prefix = prefix;
      this.optimizer = optimizer;
      starts = new int[members.size()];
      lengths = new int[members.size()];
      List<ParameterBlock> own = new ArrayList<>();
      int size = 0;
      for (int i = 0; i < members.size(); i++) {
        starts[i] = members.get(i).offset();
        lengths[i] = members.get(i).size();
        own.add(members.get(i).at(size)); // where the block lies in the part's buffer
        size += lengths[i];
      }
      blocks = List.copyOf(own);
      params = new double[size];
      gradient = new double[size];
      evaluator = new Restricted(this);
    }

    int size() {
      return params.length;
    }

    void gather(double[] from, double[] into) {
      int at = 0;
      for (int i = 0; i < starts.length; i++) {
        System.arraycopy(from, starts[i], into, at, lengths[i]);
        at += lengths[i];
      }
    }

    void scatter(double[] from, double[] into) {
      int at = 0;
      for (int i = 0; i < starts.length; i++) {
        System.arraycopy(from, at, into, starts[i], lengths[i]);
        at += lengths[i];
      }
    }
  }

  /**
   * f as a function of one part's coordinates, the others held at their current values: what an
   * optimizer that evaluates f itself (L-BFGS) sees in a group. Its full-length buffers are made on
   * its first use, once per run, so optimizers that never evaluate cost no memory.
   */
  private static final class Restricted implements Evaluator {
    final Part part;
    double[] current;
    Evaluator outer;
    double[] x;
    double[] g;
    double[] v;

    Restricted(Part part) {
      this.part = part;
    }

    @Override
    public double evaluate(double[] own, double[] ownGradient) {
      if (x == null) {
        x = new double[current.length];
        g = new double[current.length];
      }
      System.arraycopy(current, 0, x, 0, current.length);
      part.scatter(own, x);
      double f = outer.evaluate(x, g);
      part.gather(g, ownGradient);
      return f;
    }

    /** The part's block of H·v: H of the whole point times v padded with zeros, gathered. */
    @Override
    public void hessianVectorProduct(double[] own, double[] ownV, double[] ownOut) {
      if (x == null) {
        x = new double[current.length];
        g = new double[current.length];
      }
      if (v == null) {
        v = new double[current.length];
      }
      System.arraycopy(current, 0, x, 0, current.length);
      part.scatter(own, x);
      part.scatter(ownV, v); // v is zero off the part's coordinates, which scatter never writes
      outer.hessianVectorProduct(x, v, g);
      part.gather(g, ownOut);
    }
  }

  private static final class State implements OptimizerState {
    final String id;
    final int dimension;
    final Part[] parts;

    State(String id, int dimension, Part[] parts) {
      this.id = id;
      this.dimension = dimension;
      this.parts = parts;
    }

    @Override
    public int dimension() {
      return dimension;
    }

    /** Each part's snapshot entries under its prefix ({@code group0.}, …, {@code rest.}). */
    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      Map<String, Double> scalars = new LinkedHashMap<>();
      for (Part part : parts) {
        StateSnapshot own = part.state.snapshot();
        own.arrays().forEach((name, array) -> arrays.put(part.prefix + name, array));
        own.scalars().forEach((name, value) -> scalars.put(part.prefix + name, value));
      }
      return new StateSnapshot(id, dimension, arrays, scalars);
    }
  }

  @Override
  public String id() {
    return base.id();
  }

  /** The entry's learning rate: that of the blocks in no group. */
  @Override
  public double learningRate() {
    return base.learningRate();
  }

  /** The parts for {@code blocks}: groups in order, then the blocks no group claims. */
  private Part[] parts(int dimension, List<ParameterBlock> blocks) {
    ParameterBlock.requireTiling(blocks, dimension);
    int[] group = ParamGroups.assign(patterns, blocks);
    List<Part> parts = new ArrayList<>();
    for (int g = 0; g <= groups.size(); g++) {
      List<ParameterBlock> members = new ArrayList<>();
      for (int b = 0; b < blocks.size(); b++) {
        if (group[b] == (g < groups.size() ? g : -1)) {
          members.add(blocks.get(b));
        }
      }
      if (!members.isEmpty()) {
        parts.add(
            g < groups.size()
                ? new Part(prefix(g), groups.get(g).optimizer(), members)
                : new Part(REST, base, members));
      }
    }
    return parts.toArray(new Part[0]);
  }

  @Override
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    Part[] parts = parts(dimension, blocks);
    for (Part part : parts) {
      part.state = BlockAware.init(part.optimizer, part.size(), part.blocks);
    }
    return new State(id(), dimension, parts);
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(id(), dimension);
    Part[] parts = parts(dimension, blocks);
    List<String> claimed = new ArrayList<>();
    for (Part part : parts) {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      Map<String, Double> scalars = new LinkedHashMap<>();
      snapshot
          .arrays()
          .forEach(
              (name, array) -> {
                if (name.startsWith(part.prefix)) {
                  arrays.put(name.substring(part.prefix.length()), array);
                }
              });
      snapshot
          .scalars()
          .forEach(
              (name, value) -> {
                if (name.startsWith(part.prefix)) {
                  scalars.put(name.substring(part.prefix.length()), value);
                }
              });
      claimed.add(part.prefix);
      part.state =
          BlockAware.restore(
              part.optimizer,
              new StateSnapshot(id(), part.size(), arrays, scalars),
              part.size(),
              part.blocks);
    }
    List<String> names = new ArrayList<>(snapshot.arrays().keySet());
    names.addAll(snapshot.scalars().keySet());
    for (String name : names) {
      if (claimed.stream().noneMatch(name::startsWith)) {
        throw new IllegalArgumentException(
            "snapshot of '"
                + id()
                + "' has '"
                + name
                + "', which belongs to no parameter group of these blocks (groups "
                + claimed
                + ")");
      }
    }
    return new State(id(), dimension, parts);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState state,
      Evaluator objective) {
    step(params, value, gradient, lr, null, 0, state, objective);
  }

  /**
   * One step of every part. A part's base rate is its own optimizer's learning rate, scaled by lr /
   * {@link #learningRate()} when the caller passes another rate than the configured one (a base
   * rate of 0 leaves the groups' own rates); with a schedule, the part steps with {@code
   * schedule.lr(t, its base rate)} (and, when the schedule cycles momentum, with {@code
   * schedule.momentum(t, its own momentum)}), as torch's schedulers apply their rule to each
   * group's own {@code initial_lr}. A part whose base rate equals the entry's therefore steps with
   * exactly the rate an ungrouped run would.
   */
  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      Schedule schedule,
      long t,
      OptimizerState optimizerState,
      Evaluator objective) {
    if (!(optimizerState instanceof State state) || state.dimension != params.length) {
      throw new IllegalArgumentException(
          "grouped '" + id() + "' was given a state it did not make: " + optimizerState);
    }
    double configured = base.learningRate();
    for (Part part : state.parts) {
      double own = part.optimizer.learningRate();
      double partLr =
          lr == configured || configured == 0 || own == configured
              ? (own == configured ? lr : own)
              : own * (lr / configured);
      if (schedule != null) {
        partLr = schedule.lr(t, partLr);
      }
      part.gather(params, part.params);
      part.gather(gradient, part.gradient);
      part.evaluator.current = params;
      part.evaluator.outer = objective;
      if (schedule != null
          && schedule.cyclesMomentum()
          && part.optimizer instanceof MomentumAware aware) {
        aware.step(
            part.params,
            value,
            part.gradient,
            partLr,
            schedule.momentum(t, aware.momentum()),
            part.state,
            part.evaluator);
      } else {
        part.optimizer.step(part.params, value, part.gradient, partLr, part.state, part.evaluator);
      }
      part.scatter(part.params, params);
    }
  }

  /**
   * Grouped where some group's optimizer (or the base) keeps an averaged point: the averaged point
   * gathers each part's, and a part without one (yet) contributes its current coordinates.
   */
  static final class Averaged extends Grouped implements AveragedIterate {
    private final String name;

    Averaged(Optimizer base, List<ParamGroup> groups) {
      super(base, groups);
      String found = base instanceof AveragedIterate a ? a.averagedName() : null;
      for (ParamGroup group : groups) {
        if (found == null && group.optimizer() instanceof AveragedIterate a) {
          found = a.averagedName();
        }
      }
      this.name = found;
    }

    @Override
    public String averagedName() {
      return name;
    }

    /** Each part's averaged point, or its coordinates; false while no part has a point. */
    @Override
    public boolean averagedPoint(OptimizerState optimizerState, double[] into) {
      if (!(optimizerState instanceof State state) || state.dimension != into.length) {
        throw new IllegalArgumentException(
            "grouped '" + id() + "' was given a state it did not make: " + optimizerState);
      }
      boolean any = false;
      for (Part part : state.parts) {
        // the part's gradient buffer is scratch between steps
        if (AveragedIterate.averagedPoint(part.optimizer, part.state, part.gradient)) {
          part.scatter(part.gradient, into);
          any = true;
        }
      }
      if (any) { // the parts without a point (yet) contribute their coordinates
        for (Part part : state.parts) {
          if (!AveragedIterate.averagedPoint(part.optimizer, part.state, part.gradient)) {
            part.scatter(part.params, into);
          }
        }
      }
      return any;
    }
  }
}
