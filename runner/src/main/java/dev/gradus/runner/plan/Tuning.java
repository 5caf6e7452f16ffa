package dev.gradus.runner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tuning protocol of a suite with a {@code tuning:} section, as planned: which configurations
 * are tried, on which seeds and budgets, how a winner is picked, and the configurations the
 * evaluation then runs. A tuned suite runs in two phases into one folder: the trials (a {@link
 * Plan} of its own, results in {@code tuning/}), then the evaluation, {@link #evaluation}, whose
 * runs are fixed only once the trials have picked their winners; both are pure functions of the
 * suite and its seed.
 *
 * <p>Each optimizer configuration whose entry has a search space is a {@link Unit}, tuned on its
 * own and on each function configuration apart, since the best learning rate of one problem says
 * little of another's. The evaluation runs each unit twice: tuned (its winner on that function) and
 * at the provider's defaults, on the same fresh seeds, so that what tuning bought can be read off.
 *
 * @param strategy how trials are chosen and cut
 * @param seeds tuning runs per trial (on seeds that no evaluation run uses)
 * @param eta successive halving's reduction factor: a rung keeps the best 1/eta of its trials
 * @param rungs rungs of successive halving, 1 for grid and random search
 * @param units the tuned optimizer configurations
 * @param metrics the metric that picks winners, by function index
 * @param slots the evaluation's optimizer configurations, by index
 * @param seedKeys each function configuration's seed key, by index, for the evaluation's seeds
 * @param repeats evaluation runs per (function, slot)
 * @param winners in the evaluation's plan, the winning trial of unit u on function f, {@code
 *     winners[f][u]}; null in the trials' plan
 * @param scores in the evaluation's plan, each winner's median metric at the last rung, {@code
 *     scores[f][u]} (null where none was finite); null in the trials' plan
 */
public record Tuning(
    Strategy strategy,
    int seeds,
    int eta,
    int rungs,
    List<Unit> units,
    List<Metric> metrics,
    List<Slot> slots,
    List<String> seedKeys,
    int repeats,
    int[][] winners,
    Double[][] scores) {

  public Tuning {
    units = List.copyOf(units);
    metrics = List.copyOf(metrics);
    slots = List.copyOf(slots);
    seedKeys = List.copyOf(seedKeys);
  }

  /** How trials are chosen. */
  public enum Strategy {
    /** Every combination of the search spaces' grid points. */
    GRID,
    /** Trials drawn from the search spaces. */
    RANDOM,
    /** Trials drawn, run on a small budget, and the best 1/eta kept on an eta times larger one. */
    HALVING;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What picks a winner: the median over a trial's seeds, best first. */
  public enum Metric {
    FINAL_GAP("final_gap", false),
    F("f", false),
    TEST_ACCURACY("test_accuracy", true),
    TEST_LOSS("test_loss", false);

    private final String id;
    private final boolean higherIsBetter;

    Metric(String id, boolean higherIsBetter) {
      this.id = id;
      this.higherIsBetter = higherIsBetter;
    }

    public String id() {
      return id;
    }

    public boolean higherIsBetter() {
      return higherIsBetter;
    }

    public static Metric of(String id) {
      for (Metric m : values()) {
        if (m.id.equals(id)) {
          return m;
        }
      }
      throw new IllegalArgumentException("no tuning metric " + id);
    }
  }

  /**
   * One tuned optimizer configuration.
   *
   * @param index position among the units
   * @param searched the tuned hyperparameters, in the suite's order
   * @param trials each trial's values of the searched hyperparameters, by trial
   * @param configs the tuning plan's optimizer index of trial t at rung k: {@code configs[t][k]}
   * @param rungSteps the steps (iterations or epochs, as the suite's budget limits them) of each
   *     rung; the last is the whole budget
   * @param tuned the evaluation slot of the tuned configuration
   * @param defaults the evaluation slot of the configuration at the defaults
   */
  public record Unit(
      int index,
      List<String> searched,
      List<Map<String, Object>> trials,
      int[][] configs,
      long[] rungSteps,
      int tuned,
      int defaults) {}

  /**
   * One configuration of the evaluation.
   *
   * @param config the configuration as the evaluation's plan lists it; for a tuned slot the default
   *     configuration with each searched value written {@code tuned}, since its values differ by
   *     function
   * @param unit the unit a tuned slot takes its winners from, or -1 for a fixed configuration
   */
  public record Slot(OptimizerConfig config, int unit) {
    public boolean tuned() {
      return unit >= 0;
    }
  }

  /**
   * The evaluation's plan, once the trials picked their winners: every (function, slot) runs {@link
   * #repeats} times on the seeds a suite without tuning would give it, which no trial used.
   *
   * @param trials the plan of the trials, whose configurations tuned slots take
   * @param winners the winning trial of unit u on function f: {@code winners[f][u]}
   * @param scores each winner's median metric, {@code scores[f][u]}, null where none was finite
   */
  public Plan evaluation(Plan trials, int[][] winners, Double[][] scores) {
    List<FunctionConfig> functions = trials.functions();
    List<OptimizerConfig> optimizers = slots.stream().map(Slot::config).toList();
    List<RunSpec> runs = new ArrayList<>();
    for (FunctionConfig f : functions) {
      for (Slot slot : slots) {
        OptimizerConfig o = slot.config();
        if (slot.tuned()) {
          Unit unit = units.get(slot.unit());
          int trial = winners[f.index()][unit.index()];
          OptimizerConfig won = trials.optimizers().get(unit.configs()[trial][rungs - 1]);
          o =
              new OptimizerConfig(
                  o.index(),
                  o.name(),
                  o.label(),
                  won.hyperparameters(),
                  won.optimizer(),
                  o.budget());
        }
        for (int repeat = 0; repeat < repeats; repeat++) {
          String runId =
              RunIds.of(
                  f.index(),
                  f.name(),
                  functions.size(),
                  o.index(),
                  o.name(),
                  slots.size(),
                  repeat,
                  repeats);
          long seed = Seeds.derive(trials.seed(), evaluationSeedKey(f.index(), repeat));
          runs.add(new RunSpec(runs.size(), runId, f, o, repeat, seed));
        }
      }
    }
    return new Plan(
        trials.suiteName(),
        trials.suiteFile(),
        trials.suiteSha256(),
        trials.seed(),
        repeats,
        trials.rules(),
        functions,
        optimizers,
        List.copyOf(runs),
        trials.memory(),
        trials.report(),
        new Tuning(
            strategy, seeds, eta, rungs, units, metrics, slots, seedKeys, repeats, winners, scores),
        Plan.Phase.EVALUATION);
  }

  /** The seed key of evaluation run {@code repeat} on function {@code f}: as without tuning. */
  String evaluationSeedKey(int f, int repeat) {
    return seedKeys.get(f) + "|repeat " + repeat;
  }

  /** The seed key of tuning run {@code seed} on function {@code f}. */
  String tuningSeedKey(int f, int seed) {
    return seedKeys.get(f) + "|tuning seed " + seed;
  }

  /** What the tables call {@code unit}: its tuned slot's label, such as {@code adam lr=tuned}. */
  public String label(Unit unit) {
    return slots.get(unit.tuned()).config().label();
  }

  /** Which unit, trial and rung the tuning plan's optimizer configuration {@code index} is. */
  public record Trial(int unit, int trial, int rung) {}

  /** The trial of every tuning optimizer configuration, by its index. */
  public List<Trial> trialsByConfig() {
    int count = 0;
    for (Unit u : units) {
      count += u.configs().length * rungs;
    }
    Trial[] out = new Trial[count];
    for (Unit u : units) {
      for (int t = 0; t < u.configs().length; t++) {
        for (int k = 0; k < rungs; k++) {
          out[u.configs()[t][k]] = new Trial(u.index(), t, k);
        }
      }
    }
    return List.of(out);
  }
}
