package dev.gradus.runner.plan;

import dev.gradus.functions.GradientMethod;
import dev.gradus.functions.stochastic.GradientNoise;
import dev.gradus.optimizers.ComposedOptimizer;
import dev.gradus.optimizers.GradientClip;
import dev.gradus.optimizers.Optimizers;
import dev.gradus.optimizers.Schedule;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves a {@link Suite} against the provider registries: looks up every id, expands sweeps into
 * configurations, validates every hyperparameter, and lists the runs with their seeds. Everything a
 * suite can get wrong is found here, before any run starts.
 *
 * <p>A list value sweeps: every combination of list values is one configuration, the last key
 * varying fastest. A hyperparameter whose own type is a list (such as {@code betas}) sweeps only
 * when given a list of lists.
 */
public final class Planner {
  /** The most configurations one entry may expand to. */
  public static final int MAX_CONFIGURATIONS_PER_ENTRY = 10_000;

  /** The most runs a suite may have on one machine. */
  public static final int MAX_RUNS = 200_000;

  static final Set<String> FUNCTION_SETTINGS = Set.of("start", "gradient", "bounds");
  static final Set<String> EXPRESSION_SETTINGS =
      Set.of("expression", "minimum", "start", "gradient", "bounds", "gradient_noise");

  /**
   * Every function's own setting {@code gradient_noise: σ}: Gaussian noise of standard deviation σ
   * added to each gradient ({@link GradientNoise}); swept like a hyperparameter, and left out of
   * the seed, so that the noise levels of a sweep start alike and draw the same ε.
   */
  static final HyperParameter GRADIENT_NOISE =
      HyperParameter.real(
          "gradient_noise",
          0.0,
          GradientNoise.RANGE,
          "standard deviation of Gaussian noise added to each gradient coordinate (0: none)");

  static final Set<String> OPTIMIZER_SETTINGS =
      Set.of("schedule", "clip_grad_norm", "clip_grad_value");

  private final ProviderRegistry<ObjectiveProvider> objectives;
  private final ProviderRegistry<OptimizerProvider> optimizers;
  private final Extensions extensions;

  /**
   * Hooks for what the planner builds with other modules: expression objectives, gradient methods,
   * and schedule/clipping composition around an optimizer.
   */
  public interface Extensions {
    /** An objective factory for an expression entry, or an error naming the problem. */
    Supplier<dev.gradus.spi.Objective> expression(Suite.Entry entry, Suite suite);

    /** Wraps an objective factory so that it uses the given gradient method. */
    Supplier<dev.gradus.spi.Objective> withGradient(
        Supplier<dev.gradus.spi.Objective> factory, GradientMethod method, String functionName);

    /** The learning-rate schedule a {@code schedule:} setting describes. */
    Schedule schedule(Located schedule);
  }

  public Planner(
      ProviderRegistry<ObjectiveProvider> objectives,
      ProviderRegistry<OptimizerProvider> optimizers,
      Extensions extensions) {
    this.objectives = objectives;
    this.optimizers = optimizers;
    this.extensions = extensions;
  }

  /**
   * Resolves and checks {@code suite}: every id, sweep, hyperparameter, start, gradient method and
   * bounds setting, and the memory of its largest run. Each function configuration's objective is
   * made once here, so that a missing CSV or a start of the wrong dimension fails before any run.
   *
   * @throws SuiteException naming the file, line and column of the first problem
   */
  public Plan plan(Suite suite) {
    SuiteErrors errors = new SuiteErrors();
    TuningPlanner.Drafted tuned = null;
    List<OptimizerConfig> optimizerConfigs;
    List<List<Located>> groupPatterns = new ArrayList<>();
    if (suite.tuning() == null) {
      refuseSearchSpaces(suite, errors);
      optimizerConfigs = optimizerConfigs(suite, errors, groupPatterns);
    } else {
      tuned = new TuningPlanner(this, suite).draft(errors);
      optimizerConfigs = tuned.trialConfigs();
      groupPatterns.addAll(tuned.trialPatterns());
    }
    List<OptimizerConfig> running = new ArrayList<>(optimizerConfigs);
    if (tuned != null) {
      tuned.slots().forEach(slot -> running.add(slot.config()));
      groupPatterns.addAll(tuned.slotPatterns());
    }
    List<Planned> planned = functionConfigs(suite, running, errors);
    ParamGroupsSection.check(
        planned.stream().map(p -> p.config().label()).toList(),
        planned.stream().map(Planned::blocks).toList(),
        running,
        groupPatterns,
        errors);
    List<Tuning.Metric> metrics = tuned == null ? List.of() : metrics(suite, planned, errors);
    errors.throwIfAny();
    List<FunctionConfig> functions = planned.stream().map(Planned::config).toList();
    int repeats = tuned == null ? suite.repeats() : suite.tuning().seeds();
    long total = (long) functions.size() * optimizerConfigs.size() * repeats;
    if (tuned != null) {
      total += (long) functions.size() * tuned.slots().size() * suite.repeats();
    }
    if (total > MAX_RUNS) {
      throw new SuiteException(
          suite.file()
              + ": the suite has "
              + total
              + " runs ("
              + functions.size()
              + " function configurations × "
              + optimizerConfigs.size()
              + (tuned == null ? " optimizer configurations × " : " tuning trials × ")
              + repeats
              + (tuned == null ? " repeats" : " seeds, and the evaluation's")
              + "); the limit is "
              + MAX_RUNS
              + " per machine: split it into shards or narrow the sweeps");
    }
    Tuning tuning = tuned == null ? null : tuning(suite, tuned, planned, metrics);
    List<RunSpec> runs = new ArrayList<>();
    for (Planned f : planned) {
      for (OptimizerConfig o : optimizerConfigs) {
        for (int repeat = 0; repeat < repeats; repeat++) {
          String runId =
              RunIds.of(
                  f.config().index(),
                  f.config().name(),
                  functions.size(),
                  o.index(),
                  o.name(),
                  optimizerConfigs.size(),
                  repeat,
                  repeats);
          // Common random numbers: runs that differ only in the optimizer share a seed, so every
          // optimizer starts from the same random points. The key is the function's name and
          // given scalar settings, never its label, so that a run's seed does not depend on which
          // other configurations the suite has. Tuning runs have seeds of their own, which no
          // evaluation run shares.
          String key =
              tuning == null
                  ? f.seedKey() + "|repeat " + repeat
                  : tuning.tuningSeedKey(f.config().index(), repeat);
          long seed = Seeds.derive(suite.seed(), key);
          runs.add(new RunSpec(runs.size(), runId, f.config(), o, repeat, seed));
        }
      }
    }
    ReportRules report = ReportSection.rules(suite);
    RunRules rules =
        new RunRules(
            new RunRules.Stop(
                suite.stop().target(),
                suite.stop().gradNorm(),
                suite.stop().f(),
                suite.stop().testAccuracy()),
            suite.output().traceEvery(),
            suite.output().checkpointEvery(),
            suite.output().logSpacedTrace(),
            ReportSection.traceTargets(suite, report),
            suite.output().heldOutEvery(),
            SharpnessSection.rules(suite));
    return new Plan(
        suite.name(),
        suite.file(),
        suite.sha256(),
        suite.seed(),
        repeats,
        rules,
        List.copyOf(functions),
        List.copyOf(optimizerConfigs),
        List.copyOf(runs),
        memory(planned),
        report,
        tuning,
        tuning == null ? Plan.Phase.UNTUNED : Plan.Phase.TUNING);
  }

  /** A search space needs a tuning section that says how to search it. */
  private static void refuseSearchSpaces(Suite suite, SuiteErrors errors) {
    for (Suite.Entry entry : suite.optimizers()) {
      entry
          .settings()
          .forEach(
              (key, node) -> {
                if (SearchSpace.is(node)) {
                  errors.add(
                      SuiteException.at(
                          node.location(),
                          "'"
                              + entry.name()
                              + "."
                              + key
                              + "' is a search space, which needs a tuning section to say how to"
                              + " search it: add tuning: {strategy: random, trials: 16}, or give"
                              + " a value or a list"));
                }
              });
    }
  }

  /**
   * The metric that picks winners on each function: the section's {@code select}, checked against
   * what the function has; else its test accuracy when it holds data out, its gap when it has a
   * known minimum, and f itself otherwise.
   */
  private static List<Tuning.Metric> metrics(
      Suite suite, List<Planned> planned, SuiteErrors errors) {
    List<Tuning.Metric> metrics = new ArrayList<>();
    String select = suite.tuning().select();
    for (Planned f : planned) {
      java.util.List<String> heldOut = f.heldOut();
      Tuning.Metric metric;
      if (select != null) {
        metric = Tuning.Metric.of(select);
        boolean has =
            switch (metric) {
              case FINAL_GAP -> f.knownMinimum();
              case F -> true;
              case TEST_ACCURACY, TEST_LOSS -> heldOut.contains(metric.id());
            };
        if (!has) {
          Located at = suite.tuning().node().asMap().get("select");
          errors.add(
              SuiteException.at(
                  at.location(),
                  "tuning.select: function '"
                      + f.config().label()
                      + "' has no "
                      + metric.id()
                      + (metric == Tuning.Metric.FINAL_GAP
                          ? " (no known minimum): select f"
                          : " (it holds no data out): hold some out with data: {test_fraction:"
                              + " 0.2}, or select f")));
        }
      } else if (heldOut.contains(dev.gradus.spi.HeldOut.TEST_ACCURACY)) {
        metric = Tuning.Metric.TEST_ACCURACY;
      } else if (f.knownMinimum()) {
        metric = Tuning.Metric.FINAL_GAP;
      } else {
        metric = Tuning.Metric.F;
      }
      metrics.add(metric);
    }
    return metrics;
  }

  private static Tuning tuning(
      Suite suite,
      TuningPlanner.Drafted tuned,
      List<Planned> planned,
      List<Tuning.Metric> metrics) {
    Suite.Tuning section = suite.tuning();
    return new Tuning(
        tuned.strategy(),
        section.seeds(),
        section.eta(),
        tuned.rungs(),
        tuned.units(),
        metrics,
        tuned.slots(),
        planned.stream().map(Planned::seedKey).toList(),
        suite.repeats(),
        null,
        null);
  }

  /** A function configuration with what planning still needs of it. */
  private record Planned(
      FunctionConfig config,
      String seedKey,
      long bytesPerRun,
      List<String> heldOut,
      boolean knownMinimum,
      List<dev.gradus.spi.ParameterBlock> blocks) {}

  private List<Planned> functionConfigs(
      Suite suite, List<OptimizerConfig> optimizers, SuiteErrors errors) {
    List<Draft> drafts = new ArrayList<>();
    for (Suite.Entry entry : suite.functions()) {
      try {
        drafts.addAll(functionDrafts(entry, suite));
      } catch (SuiteException e) {
        errors.add(e);
      }
    }
    List<String> labels = Labels.of(drafts.stream().map(Draft::candidate).toList());
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      String label = labels.get(i);
      Objective objective;
      StartRule start;
      Bounds bounds;
      try {
        objective = checkedObjective(suite, d, label);
        if (suite.stop().testAccuracy() != null
            && objective
                .heldOut()
                .map(h -> !h.names().contains(dev.gradus.spi.HeldOut.TEST_ACCURACY))
                .orElse(true)) {
          throw SuiteException.at(
              d.entry().location(),
              "function '"
                  + label
                  + "' has no test accuracy, so stop.test_accuracy cannot end its runs: hold out"
                  + " data of a classifier (data: {test_fraction: 0.2}), or run it in a suite of"
                  + " its own");
        }
        if (suite.budgets().stream().anyMatch(b -> b.maxEpochs() != null)
            && objective.stepsPerEpoch().isEmpty()) {
          throw SuiteException.at(
              d.entry().location(),
              "function '"
                  + label
                  + "' has no training rows, so budget.max_epochs cannot limit its runs: give"
                  + " max_iterations instead, or run it in a suite of its own");
        }
        if (suite.budgets().stream().anyMatch(b -> b.maxSamples() != null)
            && objective.samplesAfter(0).isEmpty()) {
          throw SuiteException.at(
              d.entry().location(),
              "function '"
                  + label
                  + "' has no training rows, so budget.max_samples cannot limit its runs: give"
                  + " max_iterations instead, or run it in a suite of its own");
        }
        start = startRule(d.start(), objective, label);
        bounds = bounds(d.bounds(), objective, label);
      } catch (SuiteException e) {
        errors.add(e);
        continue;
      }
      FunctionConfig config =
          new FunctionConfig(
              i,
              d.candidate().name(),
              label,
              d.parameters(),
              d.factory(),
              start,
              d.gradient(),
              bounds,
              objective.dimension(),
              objective.domain());
      long bytes;
      try {
        bytes = MemoryBudget.perRun(objective, optimizers);
      } catch (OutOfMemoryError e) {
        throw tooLarge(suite, label);
      }
      planned.add(
          new Planned(
              config,
              d.seedKey(),
              bytes,
              objective.heldOut().map(dev.gradus.spi.HeldOut::names).orElse(List.of()),
              objective.knownMinimum().isPresent(),
              objective.blocks()));
    }
    return planned;
  }

  /** A function configuration before labels and checks. */
  private record Draft(
      Labels.Candidate candidate,
      String seedKey,
      Map<String, Object> parameters,
      Supplier<Objective> factory,
      Located start,
      GradientMethod gradient,
      Located bounds,
      Suite.Entry entry) {
    /** Where a problem with this configuration's gradient method is: its {@code gradient} key. */
    Located.Location gradientAt() {
      Located node = entry.settings().get("gradient");
      return node == null ? entry.location() : node.location();
    }
  }

  private Objective checkedObjective(Suite suite, Draft d, String label) {
    try {
      return d.factory().get();
    } catch (SuiteException e) {
      throw e;
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Located.Location at = message.startsWith("gradient") ? d.gradientAt() : d.entry().location();
      throw SuiteException.at(at, "function '" + label + "': " + message);
    } catch (OutOfMemoryError e) {
      throw tooLarge(suite, label);
    }
  }

  private static Plan.MemoryEstimate memory(List<Planned> planned) {
    long perRun = 0;
    String largest = "";
    for (Planned f : planned) {
      if (f.bytesPerRun() > perRun) {
        perRun = f.bytesPerRun();
        largest = f.config().label();
      }
    }
    return new Plan.MemoryEstimate(perRun, largest);
  }

  private static SuiteException tooLarge(Suite suite, String label) {
    return new SuiteException(
        suite.file()
            + ": function '"
            + label
            + "' does not fit in the JVM heap ("
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB) even once: give Java more"
            + " memory, as GRADUS_JAVA_OPTS=-Xmx8g ./gradus run …, or lower the dimension");
  }

  private List<Draft> functionDrafts(Suite.Entry entry, Suite suite) {
    Map<String, Located> settings = entry.settings();
    GradientMethod gradient = gradientMethod(settings.get("gradient"));
    Located start = settings.get("start");
    Located bounds = settings.get("bounds");
    Map<String, Object> special = new LinkedHashMap<>();
    special.put("gradient", gradient.id());
    special.put("start", start == null ? "default" : start.toPlain());
    special.put("bounds", bounds == null ? Bounds.NONE.id() : bounds.toPlain());
    List<Draft> out = new ArrayList<>();
    if (settings.containsKey("expression")) {
      for (String key : settings.keySet()) {
        if (!EXPRESSION_SETTINGS.contains(key)) {
          throw SuiteException.at(
              settings.get(key).location(),
              "unknown key '"
                  + Names.quote(key)
                  + "' in expression function '"
                  + entry.name()
                  + "'"
                  + Names.didYouMean(key, EXPRESSION_SETTINGS)
                  + "; allowed: "
                  + String.join(", ", EXPRESSION_SETTINGS));
        }
      }
      Supplier<Objective> factory = extensions.expression(entry, suite);
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("expression", settings.get("expression").toPlain());
      if (settings.containsKey("minimum")) {
        parameters.put("minimum", settings.get("minimum").toPlain());
      }
      Located noiseNode = settings.get(GRADIENT_NOISE.name());
      double noise = gradientNoise(noiseNode, entry, suite);
      if (noiseNode != null) {
        parameters.put(GRADIENT_NOISE.name(), noise);
      }
      Map<String, Object> given = new LinkedHashMap<>();
      settings.forEach((k, v) -> given.put(k, v.toPlain()));
      given.remove("expression");
      given.remove("minimum");
      Map<String, Object> effective = new LinkedHashMap<>(parameters);
      effective.putAll(special);
      out.add(
          new Draft(
              new Labels.Candidate(entry.name(), given, effective),
              entry.name(),
              parameters,
              noisy(extensions.withGradient(factory, gradient, entry.name()), noise),
              start,
              gradient,
              bounds,
              entry));
      return out;
    }
    ObjectiveProvider provider = require(objectives, entry, "function");
    List<HyperParameter> declared = new ArrayList<>(provider.hyperParameters());
    // a function that declares gradient_noise itself has it as its own setting
    boolean runnersNoise = declared.stream().noneMatch(p -> p.name().equals(GRADIENT_NOISE.name()));
    if (runnersNoise) {
      declared.add(GRADIENT_NOISE);
    }
    for (Map<String, Located> choice : expand(entry, declared, FUNCTION_SETTINGS)) {
      Map<String, Located> own = new LinkedHashMap<>(choice);
      Located noiseNode = runnersNoise ? own.remove(GRADIENT_NOISE.name()) : null;
      HyperParameters values =
          resolve(provider.id(), provider.hyperParameters(), own, entry, suite.baseDir());
      double noise = gradientNoise(noiseNode, entry, suite);
      Supplier<Objective> factory = () -> provider.create(values);
      Map<String, Object> given = new LinkedHashMap<>();
      settings.forEach(
          (k, v) -> given.put(k, choice.containsKey(k) ? choice.get(k).toPlain() : v.toPlain()));
      Map<String, Object> effective = new LinkedHashMap<>();
      values.asMap().forEach(effective::put);
      choice.forEach((k, v) -> effective.put(k, v.toPlain())); // paths as written, not resolved
      effective.putAll(special);
      Map<String, Object> parameters = new LinkedHashMap<>(values.asMap());
      if (noiseNode != null) {
        parameters.put(GRADIENT_NOISE.name(), noise);
      }
      out.add(
          new Draft(
              new Labels.Candidate(entry.name(), given, effective),
              seedKey(entry.name(), own),
              parameters,
              noisy(extensions.withGradient(factory, gradient, entry.name()), noise),
              start,
              gradient,
              bounds,
              entry));
    }
    return out;
  }

  /** The objective with gradient noise σ added, or as it is for σ = 0. */
  private static Supplier<Objective> noisy(Supplier<Objective> factory, double sigma) {
    return sigma == 0 ? factory : () -> GradientNoise.of(factory.get(), sigma);
  }

  /** The σ of a {@code gradient_noise} setting, checked against its range; 0 when absent. */
  private static double gradientNoise(Located node, Suite.Entry entry, Suite suite) {
    if (node == null) {
      return 0;
    }
    Map<String, Located> one = Map.of(GRADIENT_NOISE.name(), node);
    return resolve(entry.name(), List.of(GRADIENT_NOISE), one, entry, suite.baseDir())
        .real(GRADIENT_NOISE.name());
  }

  /**
   * @param groupPatterns filled with each configuration's {@code param_groups} patterns (empty
   *     without groups), for {@link ParamGroupsSection#check} once the functions' blocks are known
   */
  private List<OptimizerConfig> optimizerConfigs(
      Suite suite, SuiteErrors errors, List<List<Located>> groupPatterns) {
    List<OptimizerDraft> drafts = new ArrayList<>();
    for (Suite.Entry entry : suite.optimizers()) {
      try {
        drafts.addAll(optimizerDrafts(entry, suite)); // an entry is planned whole or not at all
      } catch (SuiteException e) {
        errors.add(e);
      }
    }
    drafts.forEach(d -> groupPatterns.add(d.groupPatterns()));
    return configs(drafts);
  }

  /** {@code drafts} as configurations, indexed in order and labelled together. */
  static List<OptimizerConfig> configs(List<OptimizerDraft> drafts) {
    List<String> labels = Labels.of(drafts.stream().map(OptimizerDraft::candidate).toList());
    List<OptimizerConfig> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      OptimizerDraft d = drafts.get(i);
      out.add(
          new OptimizerConfig(
              i,
              d.candidate().name(),
              labels.get(i),
              d.hyperparameters(),
              d.optimizer(),
              d.budget()));
    }
    return out;
  }

  /**
   * An optimizer configuration before its index and label.
   *
   * @param candidate what its label is made of
   * @param hyperparameters every value, as {@link OptimizerConfig#hyperparameters}
   * @param optimizer the composed optimizer
   * @param budget the limits of its runs
   * @param groupPatterns the nodes of its {@code param_groups} patterns, empty without groups
   */
  record OptimizerDraft(
      Labels.Candidate candidate,
      Map<String, Object> hyperparameters,
      ComposedOptimizer optimizer,
      RunRules.Budget budget,
      List<Located> groupPatterns) {}

  /**
   * The values of the budget keys {@code suite} sweeps, by key, as records and labels show them
   * next to the hyperparameters.
   */
  private static Map<String, Object> sweptBudget(Suite suite, Suite.Budget budget) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : suite.sweptBudget()) {
      values.put(
          key,
          switch (key) {
            case "max_iterations" -> budget.maxIterations();
            case "max_evaluations" -> budget.maxEvaluations();
            case "max_seconds" -> budget.maxSeconds();
            case "max_epochs" -> budget.maxEpochs();
            case "max_samples" -> budget.maxSamples();
            default -> throw new IllegalStateException("no budget key " + key);
          });
    }
    return values;
  }

  /**
   * The configurations of one optimizer entry: one per combination of its sweeps and the suite's
   * budget sweeps, each hyperparameter checked by the provider.
   *
   * @throws SuiteException at the first problem
   */
  List<OptimizerDraft> optimizerDrafts(Suite.Entry entry, Suite suite) {
    List<OptimizerDraft> drafts = new ArrayList<>();
    OptimizerProvider provider = optimizerProvider(entry);
    for (String key : dev.gradus.runner.suite.SuiteLoader.BUDGET_KEYS) {
      if (entry.settings().containsKey(key)) {
        throw SuiteException.at(
            entry.settings().get(key).location(),
            "optimizer '"
                + entry.name()
                + "': "
                + key
                + " is a budget, not a hyperparameter: set it (or sweep it, as a list) under the"
                + " suite's budget, for every optimizer");
      }
    }
    List<HyperParameter> declared = new ArrayList<>(provider.hyperParameters());
    declared.add(clipSetting("clip_grad_norm", "clip the gradient's global L2 norm to this"));
    declared.add(clipSetting("clip_grad_value", "clip each gradient component to [-c, c]"));
    Set<String> reserved = Set.of("schedule", ParamGroupsSection.KEY, WrapSection.KEY);
    List<ParamGroupsSection.Group> groups = ParamGroupsSection.parse(entry, provider);
    List<WrapSection.Item> wrappers = WrapSection.parse(entry);
    Located schedule = entry.settings().get("schedule");
    Schedule lr = schedule == null ? Schedule.constant() : extensions.schedule(schedule);
    for (Map<String, Located> choice : expand(entry, declared, reserved)) {
      Map<String, Located> own = new LinkedHashMap<>(choice);
      List<Map<String, Object>> recordedGroups = null;
      Located norm = own.remove("clip_grad_norm");
      Located value = own.remove("clip_grad_value");
      HyperParameters values = resolve(provider.id(), provider.hyperParameters(), own, entry, null);
      Optimizer optimizer;
      try {
        optimizer = provider.create(values);
      } catch (InvalidHyperParameterException e) {
        Located at = choice.getOrDefault(e.parameter(), entry.node());
        throw SuiteException.at(
            at.location(), "optimizer '" + entry.name() + "': " + e.getMessage());
      }
      if (!groups.isEmpty()) {
        ParamGroupsSection.Built built =
            ParamGroupsSection.build(entry, provider, own, optimizer, groups);
        optimizer = built.optimizer();
        recordedGroups = built.recorded();
      }
      if (!wrappers.isEmpty()) { // clip → schedule → wrappers → param groups → optimizer
        optimizer = WrapSection.wrap(optimizer, wrappers);
      }
      Double clipNorm = norm == null ? null : positive(norm, "clip_grad_norm");
      Double clipValue = value == null ? null : positive(value, "clip_grad_value");
      Map<String, Object> all = new LinkedHashMap<>(values.asMap());
      if (recordedGroups != null) {
        all.put(ParamGroupsSection.KEY, recordedGroups);
      }
      if (!wrappers.isEmpty()) {
        all.put(WrapSection.KEY, WrapSection.recorded(wrappers));
      }
      if (schedule != null) {
        all.put("schedule", schedule.toPlain());
      }
      if (clipNorm != null) {
        all.put("clip_grad_norm", clipNorm);
      }
      if (clipValue != null) {
        all.put("clip_grad_value", clipValue);
      }
      Map<String, Object> given = new LinkedHashMap<>();
      entry
          .settings()
          .forEach(
              (k, v) ->
                  given.put(k, choice.containsKey(k) ? choice.get(k).toPlain() : v.toPlain()));
      if (!wrappers.isEmpty()) { // as text, so that every label of a wrapped entry shows it
        given.put(WrapSection.KEY, WrapSection.label(wrappers));
      }
      Map<String, Object> effective = new LinkedHashMap<>(all);
      effective.putIfAbsent("schedule", "constant");
      effective.putIfAbsent("clip_grad_norm", "none");
      effective.putIfAbsent("clip_grad_value", "none");
      effective.putIfAbsent(ParamGroupsSection.KEY, "none");
      effective.putIfAbsent(WrapSection.KEY, "none");
      List<Located> patterns = groups.stream().map(ParamGroupsSection.Group::pattern).toList();
      ComposedOptimizer chain;
      try {
        chain = Optimizers.compose(optimizer, lr, clip(clipValue, clipNorm));
      } catch (IllegalArgumentException e) {
        // such as a momentum-cycling schedule for an optimizer without momentum or β₁
        throw SuiteException.at(
            schedule == null ? entry.node().location() : schedule.location(),
            "optimizer '" + entry.name() + "': schedule: " + e.getMessage());
      }
      // a swept budget multiplies the configurations, as a swept hyperparameter does
      for (Suite.Budget b : suite.budgets()) {
        Map<String, Object> swept = sweptBudget(suite, b);
        Map<String, Object> givenHere = new LinkedHashMap<>(given);
        givenHere.putAll(swept);
        Map<String, Object> effectiveHere = new LinkedHashMap<>(effective);
        effectiveHere.putAll(swept);
        Map<String, Object> allHere = new LinkedHashMap<>(all);
        allHere.putAll(swept);
        drafts.add(
            new OptimizerDraft(
                new Labels.Candidate(entry.name(), givenHere, effectiveHere),
                java.util.Collections.unmodifiableMap(allHere),
                chain,
                new RunRules.Budget(
                    b.maxIterations(),
                    b.maxEvaluations(),
                    b.maxSeconds(),
                    b.maxEpochs(),
                    b.maxSamples()),
                patterns));
      }
    }
    return drafts;
  }

  /** The provider an optimizer entry names, or an error with close matches. */
  OptimizerProvider optimizerProvider(Suite.Entry entry) {
    return require(optimizers, entry, "optimizer");
  }

  /** Clipping by value, then by norm, as torch users chain clip_grad_value_ and clip_grad_norm_. */
  private static GradientClip clip(Double byValue, Double byNorm) {
    GradientClip value = byValue == null ? GradientClip.none() : GradientClip.byValue(byValue);
    return byNorm == null ? value : value.andThen(GradientClip.byNorm(byNorm));
  }

  /** The start setting as a rule, checked against the objective's dimension and domain. */
  private static StartRule startRule(Located start, Objective objective, String function) {
    int n = objective.dimension();
    if (start == null || start.isNull()) {
      if (objective.defaultStart().isEmpty()) {
        throw new SuiteException(
            "function '"
                + function
                + "' has no default start: give 'start' (a list of "
                + n
                + " numbers, or random)");
      }
      return new StartRule.FunctionDefault();
    }
    if (start.scalar() instanceof String s) {
      if (!s.equals("random")) {
        throw SuiteException.at(
            start.location(), "start: expected 'random', a list or a map, got " + start.kind());
      }
      if (objective.domain().isEmpty()) {
        throw SuiteException.at(
            start.location(),
            "start: random needs a search domain, and '" + function + "' has none; give a list");
      }
      return new StartRule.Random();
    }
    double[] x;
    if (start.isList()) {
      x = numbers(start.asList(), "start");
    } else if (start.isMap()) {
      x = fromNames(start.asMap(), objective, start);
    } else {
      throw SuiteException.at(
          start.location(), "start: expected 'random', a list or a map, got " + start.kind());
    }
    if (x.length != n) {
      throw SuiteException.at(
          start.location(),
          "start has "
              + x.length
              + " coordinates, but '"
              + function
              + "' has dimension "
              + n
              + " "
              + abbreviated(objective.parameterNames()));
    }
    objective
        .domain()
        .ifPresent(
            domain -> {
              double[] lo = domain.lower();
              double[] hi = domain.upper();
              for (int i = 0; i < x.length; i++) {
                if (!(x[i] >= lo[i] && x[i] <= hi[i])) {
                  throw SuiteException.at(
                      start.location(),
                      "start: coordinate "
                          + objective.parameterNames().get(i)
                          + " = "
                          + x[i]
                          + " lies outside the domain ["
                          + lo[i]
                          + ", "
                          + hi[i]
                          + "] of '"
                          + function
                          + "'");
                }
              }
            });
    return new StartRule.Fixed(x);
  }

  private static double[] fromNames(Map<String, Located> named, Objective objective, Located at) {
    List<String> names = objective.parameterNames();
    double[] x = new double[objective.dimension()];
    boolean[] set = new boolean[x.length];
    for (Map.Entry<String, Located> e : named.entrySet()) {
      Located value = e.getValue();
      double[] values =
          value.isList()
              ? numbers(value.asList(), "start." + e.getKey())
              : new double[] {number(value, "start." + e.getKey())};
      int first = value.isList() ? names.indexOf(e.getKey() + "[0]") : names.indexOf(e.getKey());
      if (first < 0) {
        throw SuiteException.at(
            value.location(),
            "start: no parameter '"
                + e.getKey()
                + "'"
                + Names.didYouMean(e.getKey(), names)
                + "; parameters: "
                + abbreviated(names));
      }
      for (int i = 0; i < values.length; i++) {
        if (first + i >= x.length) {
          throw SuiteException.at(value.location(), "start." + e.getKey() + ": too many values");
        }
        x[first + i] = values[i];
        set[first + i] = true;
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (!set[i]) {
        throw SuiteException.at(at.location(), "start: no value for parameter " + names.get(i));
      }
    }
    return x;
  }

  private static double[] numbers(List<Located> items, String key) {
    double[] x = new double[items.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = number(items.get(i), key + "[" + i + "]");
    }
    return x;
  }

  private static double number(Located node, String key) {
    if (node.scalar() instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw SuiteException.at(
        node.location(), key + ": expected a finite number, got " + node.kind());
  }

  private static String abbreviated(List<String> names) {
    return names.size() <= 8
        ? names.toString()
        : "[" + names.get(0) + " … " + names.get(names.size() - 1) + "]";
  }

  private static Bounds bounds(Located node, Objective objective, String function) {
    if (node == null) {
      return Bounds.NONE;
    }
    Bounds bounds = node.scalar() instanceof String s ? Bounds.byId(s) : null;
    if (bounds == null) {
      String hint = node.scalar() instanceof String s ? Names.didYouMean(s, Bounds.ids()) : "";
      throw SuiteException.at(
          node.location(),
          "bounds: expected one of " + Bounds.ids() + ", got " + node.kind() + hint);
    }
    if (bounds == Bounds.PROJECT && objective.domain().isEmpty()) {
      throw SuiteException.at(
          node.location(),
          "bounds: project needs a search domain, and '" + function + "' has none");
    }
    return bounds;
  }

  /** Declares a clipping setting so that sweeps and misspellings are handled like any other. */
  private static HyperParameter clipSetting(String name, String doc) {
    return new HyperParameter(
        name, HyperParameter.Type.REAL, null, dev.gradus.spi.Range.greaterThan(0), null, 0, doc);
  }

  private static double positive(Located node, String key) {
    if (node.scalar() instanceof Number n && n.doubleValue() > 0) {
      return n.doubleValue();
    }
    throw SuiteException.at(
        node.location(), key + ": expected a number in (0, ∞), got " + node.kind());
  }

  private static <P extends dev.gradus.spi.Provider> P require(
      ProviderRegistry<P> registry, Suite.Entry entry, String kind) {
    if (!registry.contains(entry.name())) {
      List<String> ids = new ArrayList<>();
      registry.all().forEach(p -> ids.add(p.id()));
      throw SuiteException.at(
          entry.settings().isEmpty() ? entry.location() : entry.location(),
          "unknown "
              + kind
              + " '"
              + entry.name()
              + "'"
              + Names.didYouMean(entry.name(), ids)
              + "; run './gradus list' to see them all");
    }
    return registry.require(entry.name());
  }

  private static GradientMethod gradientMethod(Located node) {
    if (node == null) {
      return GradientMethod.AUTODIFF;
    }
    if (node.scalar() instanceof String s && GradientMethod.ids().contains(s)) {
      return GradientMethod.parse(s);
    }
    String hint =
        node.scalar() instanceof String s ? Names.didYouMean(s, GradientMethod.ids()) : "";
    throw SuiteException.at(
        node.location(),
        "gradient: expected one of " + GradientMethod.ids() + ", got " + node.kind() + hint);
  }

  /**
   * Every combination of swept values of an entry's settings (minus {@code reserved} keys), each
   * key checked against the declared hyperparameters first so that errors point at the key.
   */
  private static List<Map<String, Located>> expand(
      Suite.Entry entry, List<HyperParameter> declared, Set<String> reserved) {
    Map<String, HyperParameter> byName = new LinkedHashMap<>();
    declared.forEach(p -> byName.put(p.name(), p));
    List<String> keys = new ArrayList<>();
    List<List<Located>> options = new ArrayList<>();
    long combinations = 1;
    for (Map.Entry<String, Located> setting : entry.settings().entrySet()) {
      String key = setting.getKey();
      if (reserved.contains(key)) {
        continue;
      }
      HyperParameter p = byName.get(key);
      if (p == null) {
        Set<String> known = new LinkedHashSet<>(byName.keySet());
        known.addAll(reserved);
        throw SuiteException.at(
            setting.getValue().location(),
            "'"
                + entry.name()
                + "' has no setting '"
                + Names.quote(key)
                + "'"
                + Names.didYouMean(key, known)
                + "; it has: "
                + String.join(", ", known));
      }
      Located value = setting.getValue();
      boolean sweeps =
          value.isList()
              && p.type() != HyperParameter.Type.STRUCTURE
              && (p.type() != HyperParameter.Type.REAL_LIST
                  || (!value.asList().isEmpty() && value.asList().get(0).isList()));
      List<Located> values = sweeps ? value.asList() : List.of(value);
      if (values.isEmpty()) {
        throw SuiteException.at(
            value.location(), "'" + entry.name() + "." + key + "': the sweep list is empty");
      }
      keys.add(key);
      options.add(values);
      combinations *= values.size();
      if (combinations > MAX_CONFIGURATIONS_PER_ENTRY) {
        throw SuiteException.at(
            entry.location(),
            "'"
                + entry.name()
                + "' sweeps more than "
                + MAX_CONFIGURATIONS_PER_ENTRY
                + " configurations; narrow the sweep lists");
      }
    }
    List<Map<String, Located>> out = new ArrayList<>();
    int[] counter = new int[keys.size()];
    for (long c = 0; c < combinations; c++) {
      Map<String, Located> choice = new LinkedHashMap<>();
      for (int k = 0; k < keys.size(); k++) {
        choice.put(keys.get(k), options.get(k).get(counter[k]));
      }
      out.add(choice);
      for (int k = keys.size() - 1; k >= 0; k--) {
        if (++counter[k] < options.get(k).size()) {
          break;
        }
        counter[k] = 0;
      }
    }
    return out;
  }

  /**
   * Relative file paths in a structure setting (the values of {@code csv}, {@code file} and {@code
   * path} keys, such as {@code data: {csv: points.csv}}) are made absolute against the suite file's
   * folder, so that a suite runs the same from any working directory.
   */
  static Object resolvePaths(Object plain, java.nio.file.Path base) {
    if (base == null) {
      return plain;
    }
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            boolean isPath = Set.of("csv", "file", "path").contains(k) && v instanceof String;
            out.put(
                (String) k,
                isPath ? base.resolve((String) v).normalize().toString() : resolvePaths(v, base));
          });
      return out;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolvePaths(v, base)));
      return out;
    }
    return plain;
  }

  private static HyperParameters resolve(
      String id,
      List<HyperParameter> declared,
      Map<String, Located> choice,
      Suite.Entry entry,
      java.nio.file.Path base) {
    Map<String, Object> raw = new LinkedHashMap<>();
    choice.forEach((k, v) -> raw.put(k, resolvePaths(v.toPlain(), base)));
    try {
      return HyperParameters.resolve(id, declared, raw);
    } catch (InvalidHyperParameterException e) {
      Located at = choice.getOrDefault(e.parameter(), entry.node());
      throw SuiteException.at(at.location(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw SuiteException.at(entry.location(), "'" + id + "': " + e.getMessage());
    }
  }

  /** The key of a function configuration's seed: its name and given scalar settings. */
  private static String seedKey(String name, Map<String, Located> choice) {
    StringBuilder label = new StringBuilder(name);
    choice.forEach(
        (k, v) -> {
          Object plain = v.toPlain();
          if (!(plain instanceof Map)) {
            label.append(' ').append(k).append('=').append(plain);
          }
        });
    return label.toString();
  }
}
