package dev.gradus.runner.plan;

import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.RandomStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the optimizer side of a suite with a {@code tuning:} section: the trials of every optimizer
 * configuration that has search spaces, their rungs' budgets, and the evaluation's configurations.
 * Every trial is an ordinary optimizer entry with the drawn values in place of the search spaces,
 * checked by the provider as any entry is; values are drawn from a stream of the suite's seed and
 * the entry's position, so the same suite draws the same trials everywhere.
 */
final class TuningPlanner {
  /** The stream trials are drawn from is keyed by this and the entry's position. */
  private static final String STREAM_KEY = "tuning trials|entry ";

  private final Planner planner;
  private final Suite suite;
  private final Suite.Tuning section;
  private final Tuning.Strategy strategy;

  TuningPlanner(Planner planner, Suite suite) {
    this.planner = planner;
    this.suite = suite;
    this.section = suite.tuning();
    this.strategy = Tuning.Strategy.valueOf(section.strategy().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * What planning the optimizers of a tuned suite gives.
   *
   * @param rungs the rungs every unit has (1 but for successive halving)
   * @param trialPatterns each trial configuration's {@code param_groups} patterns
   * @param slotPatterns each evaluation configuration's
   */
  record Drafted(
      Tuning.Strategy strategy,
      int rungs,
      List<OptimizerConfig> trialConfigs,
      List<Tuning.Unit> units,
      List<Tuning.Slot> slots,
      List<List<Located>> trialPatterns,
      List<List<Located>> slotPatterns) {}

  /** The search spaces of an entry, by key in the suite's order; empty when it has none. */
  static Map<String, SearchSpace> searchSpaces(Suite.Entry entry) {
    Map<String, SearchSpace> spaces = new LinkedHashMap<>();
    entry
        .settings()
        .forEach(
            (key, node) -> {
              if (SearchSpace.is(node)) {
                spaces.put(key, SearchSpace.of(node, "'" + entry.name() + "." + key + "'"));
              }
            });
    return spaces;
  }

  /** The rungs of successive halving over {@code trials}: each keeps ⌊n / eta⌋ (at least 1). */
  static int rungs(Tuning.Strategy strategy, int trials, int eta) {
    if (strategy != Tuning.Strategy.HALVING) {
      return 1;
    }
    int rungs = 1;
    for (int n = trials; n / eta >= 1; n /= eta) {
      rungs++;
    }
    return rungs;
  }

  Drafted draft(SuiteErrors errors) {
    if (suite.budgets().stream().anyMatch(b -> b.maxSeconds() != null)) {
      // a trial stopped by the clock scores what this machine reached in that time: another
      // machine, a shard or a rerun could pick another winner, and merge would refuse the shards
      throw SuiteException.at(
          section.node().location(),
          "tuning: budget.max_seconds is not allowed in a tuned suite, as trials stopped by the"
              + " clock would pick winners by the machine's speed; limit the runs by"
              + " max_iterations, max_evaluations, max_epochs or max_samples");
    }
    List<Planner.OptimizerDraft> trialDrafts = new ArrayList<>();
    List<Tuning.Unit> units = new ArrayList<>();
    List<Planner.OptimizerDraft> slotDrafts = new ArrayList<>();
    List<Integer> slotUnits = new ArrayList<>();
    int rungs = 1;
    for (int e = 0; e < suite.optimizers().size(); e++) {
      Suite.Entry entry = suite.optimizers().get(e);
      try {
        Map<String, SearchSpace> spaces = searchSpaces(entry);
        if (spaces.isEmpty()) {
          for (Planner.OptimizerDraft d : planner.optimizerDrafts(entry, suite)) {
            slotDrafts.add(d);
            slotUnits.add(-1);
          }
          continue;
        }
        checkExtremes(entry, spaces);
        List<Map<String, Object>> trials = asRun(entry, trials(e, forTypes(entry, spaces)));
        rungs = rungs(strategy, trials.size(), section.eta());
        List<Planner.OptimizerDraft> defaults =
            planner.optimizerDrafts(without(entry, spaces), suite);
        // trial t's drafts, one per unit (the entry's sweeps and the suite's budget sweeps)
        List<List<Planner.OptimizerDraft>> byTrial = new ArrayList<>();
        for (Map<String, Object> values : trials) {
          byTrial.add(planner.optimizerDrafts(with(entry, values), suite));
        }
        List<Tuning.Unit> entryUnits = new ArrayList<>();
        for (int u = 0; u < defaults.size(); u++) {
          Planner.OptimizerDraft base = defaults.get(u);
          long[] rungSteps = rungSteps(base.budget(), rungs, entry);
          int[][] configs = new int[trials.size()][rungs];
          for (int t = 0; t < trials.size(); t++) {
            Planner.OptimizerDraft d = byTrial.get(t).get(u);
            for (int k = 0; k < rungs; k++) {
              configs[t][k] = trialDrafts.size();
              trialDrafts.add(trialDraft(d, t, k, rungSteps[k]));
            }
          }
          int tuned = slotDrafts.size();
          slotDrafts.add(tunedSlot(base, spaces));
          slotUnits.add(units.size() + entryUnits.size());
          int atDefaults = slotDrafts.size();
          slotDrafts.add(base);
          slotUnits.add(-1);
          entryUnits.add(
              new Tuning.Unit(
                  units.size() + entryUnits.size(),
                  List.copyOf(spaces.keySet()),
                  trials,
                  configs,
                  rungSteps,
                  tuned,
                  atDefaults));
        }
        units.addAll(entryUnits);
      } catch (SuiteException ex) {
        errors.add(ex);
      }
    }
    if (units.isEmpty() && errors.isEmpty()) {
      errors.add(
          SuiteException.at(
              section.node().location(),
              "tuning: no optimizer entry has a search space, so there is nothing to tune: give"
                  + " one in place of a value, as lr: {log_uniform: [1.0e-4, 1.0e-1]}, or remove"
                  + " the tuning section"));
    }
    List<OptimizerConfig> trialConfigs = Planner.configs(trialDrafts);
    List<OptimizerConfig> slotConfigs = Planner.configs(slotDrafts);
    List<Tuning.Slot> slots = new ArrayList<>();
    for (int i = 0; i < slotConfigs.size(); i++) {
      slots.add(new Tuning.Slot(slotConfigs.get(i), slotUnits.get(i)));
    }
    return new Drafted(
        strategy,
        rungs,
        trialConfigs,
        units,
        slots,
        trialDrafts.stream().map(Planner.OptimizerDraft::groupPatterns).toList(),
        slotDrafts.stream().map(Planner.OptimizerDraft::groupPatterns).toList());
  }

  /**
   * The trials' values: every combination of the grid points for a grid, else {@code trials} draws.
   * Draws come key by key, trial by trial, from the entry's own stream.
   */
  private List<Map<String, Object>> trials(int entryIndex, Map<String, SearchSpace> spaces) {
    List<Map<String, Object>> trials = new ArrayList<>();
    if (strategy == Tuning.Strategy.GRID) {
      trials.add(new LinkedHashMap<>());
      for (Map.Entry<String, SearchSpace> e : spaces.entrySet()) {
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> partial : trials) {
          for (Object v : e.getValue().grid(section.gridPoints())) {
            Map<String, Object> more = new LinkedHashMap<>(partial);
            more.put(e.getKey(), v);
            next.add(more);
          }
        }
        trials = next;
      }
      if (trials.size() > 10_000) {
        throw SuiteException.at(
            section.node().location(),
            "tuning: the grid has "
                + trials.size()
                + " trials, more than 10000: lower grid_points, or use strategy: random");
      }
    } else {
      int count = section.trials() == null ? Suite.Tuning.DEFAULT_TRIALS : section.trials();
      RandomStream stream = new RandomStream(Seeds.derive(suite.seed(), STREAM_KEY + entryIndex));
      for (int t = 0; t < count; t++) {
        Map<String, Object> values = new LinkedHashMap<>();
        spaces.forEach((key, space) -> values.put(key, space.draw(stream)));
        trials.add(values);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    trials.forEach(t -> out.add(java.util.Collections.unmodifiableMap(t)));
    return List.copyOf(out);
  }

  /**
   * The trials with each value as its run takes it: a uniform draw (or grid point) for an integer
   * hyperparameter, such as history_size, is its nearest integer, so that trials.csv and
   * tables/tuning.md show the value that ran.
   */
  private List<Map<String, Object>> asRun(Suite.Entry entry, List<Map<String, Object>> trials) {
    Map<String, HyperParameter> declared = declared(entry);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> trial : trials) {
      Map<String, Object> values = new LinkedHashMap<>();
      trial.forEach((key, v) -> values.put(key, integral(declared.get(key), v)));
      // a grid point that rounds onto another is the same configuration: run it once
      if (strategy != Tuning.Strategy.GRID || !out.contains(values)) {
        out.add(java.util.Collections.unmodifiableMap(values));
      }
    }
    return List.copyOf(out);
  }

  /** The spaces as their hyperparameters' types draw them (see {@link SearchSpace#forIntegers}). */
  private Map<String, SearchSpace> forTypes(Suite.Entry entry, Map<String, SearchSpace> spaces) {
    Map<String, HyperParameter> declared = declared(entry);
    Map<String, SearchSpace> out = new LinkedHashMap<>();
    spaces.forEach(
        (key, space) -> {
          HyperParameter p = declared.get(key);
          out.put(
              key,
              p != null && p.type() == HyperParameter.Type.INTEGER ? space.forIntegers() : space);
        });
    return out;
  }

  /** {@code v} as an integer hyperparameter takes it: a double is its nearest integer. */
  private static Object integral(HyperParameter p, Object v) {
    return p != null && p.type() == HyperParameter.Type.INTEGER && v instanceof Double d
        ? (Object) Math.round(d)
        : v;
  }

  /**
   * Each end of each space (each value of a choice) is checked by the provider before any trial.
   */
  private void checkExtremes(Suite.Entry entry, Map<String, SearchSpace> spaces) {
    Map<String, Object> firsts = new LinkedHashMap<>();
    spaces.forEach((key, space) -> firsts.put(key, space.extremes().get(0)));
    for (Map.Entry<String, SearchSpace> e : spaces.entrySet()) {
      for (Object v : e.getValue().extremes()) {
        Map<String, Object> values = new LinkedHashMap<>(firsts);
        values.put(e.getKey(), v);
        planner.optimizerDrafts(with(entry, values), suite);
      }
    }
  }

  /** {@code entry} with {@code values} in place of its search spaces, at their places. */
  private Suite.Entry with(Suite.Entry entry, Map<String, Object> values) {
    Map<String, HyperParameter> declared = declared(entry);
    Map<String, Located> settings = new LinkedHashMap<>();
    entry
        .settings()
        .forEach(
            (key, node) -> {
              if (!values.containsKey(key)) {
                settings.put(key, node);
                return;
              }
              // a uniform draw for an integer hyperparameter (history_size) is its nearest integer
              settings.put(key, node.withValue(integral(declared.get(key), values.get(key))));
            });
    return new Suite.Entry(entry.name(), entry.node(), settings);
  }

  /** {@code entry} without its search spaces: at the provider's defaults for them. */
  private static Suite.Entry without(Suite.Entry entry, Map<String, SearchSpace> spaces) {
    Map<String, Located> settings = new LinkedHashMap<>(entry.settings());
    spaces.keySet().forEach(settings::remove);
    return new Suite.Entry(entry.name(), entry.node(), settings);
  }

  private Map<String, HyperParameter> declared(Suite.Entry entry) {
    Map<String, HyperParameter> byName = new LinkedHashMap<>();
    planner.optimizerProvider(entry).hyperParameters().forEach(p -> byName.put(p.name(), p));
    return byName;
  }

  /**
   * The steps of each rung in the unit's own resource: epochs when its budget has them, else
   * samples, else iterations; rung k of R gets ⌊B / eta^(R−1−k)⌋, the last the whole budget B.
   */
  private long[] rungSteps(RunRules.Budget budget, int rungs, Suite.Entry entry) {
    long whole =
        budget.maxEpochs() != null
            ? budget.maxEpochs()
            : budget.maxSamples() != null ? budget.maxSamples() : budget.maxIterations();
    long[] steps = new long[rungs];
    long divisor = 1;
    for (int k = rungs - 1; k >= 0; k--) {
      steps[k] = whole / divisor;
      divisor *= section.eta();
    }
    if (steps[0] < 1) {
      throw SuiteException.at(
          section.node().location(),
          "tuning: successive halving of "
              + (section.trials() == null ? Suite.Tuning.DEFAULT_TRIALS : section.trials())
              + " trials needs "
              + rungs
              + " rungs, and the first would get no "
              + (budget.maxEpochs() != null
                  ? "epoch"
                  : budget.maxSamples() != null ? "sample" : "iteration")
              + " of the budget ("
              + whole
              + ") of '"
              + entry.name()
              + "': raise the budget, or lower trials or eta");
    }
    return steps;
  }

  /** Trial {@code t} at rung {@code k}: its label says which, its budget is the rung's. */
  private Planner.OptimizerDraft trialDraft(
      Planner.OptimizerDraft d, int t, int k, long rungSteps) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("trial", (long) t);
    if (strategy == Tuning.Strategy.HALVING) {
      given.put("rung", (long) k);
    }
    given.putAll(d.candidate().given());
    Map<String, Object> effective = new LinkedHashMap<>(given);
    effective.putAll(d.candidate().effective());
    RunRules.Budget b = d.budget();
    RunRules.Budget budget =
        strategy != Tuning.Strategy.HALVING
            ? b
            : b.maxEpochs() != null
                ? new RunRules.Budget(
                    b.maxIterations(),
                    b.maxEvaluations(),
                    b.maxSeconds(),
                    rungSteps,
                    b.maxSamples())
                : b.maxSamples() != null
                    ? new RunRules.Budget(
                        b.maxIterations(), b.maxEvaluations(), b.maxSeconds(), null, rungSteps)
                    : new RunRules.Budget(
                        rungSteps, b.maxEvaluations(), b.maxSeconds(), null, null);
    return new Planner.OptimizerDraft(
        new Labels.Candidate(d.candidate().name(), given, effective),
        d.hyperparameters(),
        d.optimizer(),
        budget,
        d.groupPatterns());
  }

  /** The tuned slot: the defaults' draft with each searched value written {@code tuned}. */
  private static Planner.OptimizerDraft tunedSlot(
      Planner.OptimizerDraft base, Map<String, SearchSpace> spaces) {
    Map<String, Object> given = new LinkedHashMap<>();
    spaces.keySet().forEach(k -> given.put(k, "tuned"));
    given.putAll(base.candidate().given());
    Map<String, Object> effective = new LinkedHashMap<>(base.candidate().effective());
    Map<String, Object> hyperparameters = new LinkedHashMap<>(base.hyperparameters());
    spaces.keySet().forEach(k -> effective.put(k, "tuned"));
    spaces.keySet().forEach(k -> hyperparameters.put(k, "tuned"));
    return new Planner.OptimizerDraft(
        new Labels.Candidate(base.candidate().name(), given, effective),
        java.util.Collections.unmodifiableMap(hyperparameters),
        base.optimizer(),
        base.budget(),
        base.groupPatterns());
  }
}
