package dev.gradus.runner.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gradus.runner.plan.FunctionConfig;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.plan.RunRules;
import dev.gradus.runner.run.ResultsWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code suite.resolved.yaml}: the plan as a suite would say it, with every default filled in, each
 * configuration under its index and label, and the versions of Gradus and the plugins used.
 */
public final class ResolvedSuite {
  private ResolvedSuite() {}

  public static void write(ResultsLayout layout, Plan plan, Map<String, String> versions) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("suite", plan.suiteName());
    out.put("suite_sha256", plan.suiteSha256());
    out.put("seed", plan.seed());
    out.put("repeats", plan.repeats());
    RunRules rules = plan.rules();
    Map<String, Object> budget = new LinkedHashMap<>();
    budget.put("max_iterations", values(plan, RunRules.Budget::maxIterations));
    budget.put("max_evaluations", values(plan, RunRules.Budget::maxEvaluations));
    budget.put("max_seconds", values(plan, RunRules.Budget::maxSeconds));
    Object epochs = values(plan, RunRules.Budget::maxEpochs);
    if (epochs != null) {
      // only when set, so that folders of earlier versions compare alike
      budget.put("max_epochs", epochs);
    }
    Object samples = values(plan, RunRules.Budget::maxSamples);
    if (samples != null) {
      budget.put("max_samples", samples);
    }
    out.put("budget", budget);
    Map<String, Object> stop = new LinkedHashMap<>();
    stop.put("target", rules.stop().target());
    stop.put("grad_norm", rules.stop().gradNorm());
    stop.put("f", rules.stop().f());
    if (rules.stop().testAccuracy() != null) {
      // only when set, so that folders of earlier versions compare alike
      stop.put("test_accuracy", rules.stop().testAccuracy());
    }
    out.put("stop", stop);
    List<Object> functions = new ArrayList<>();
    for (FunctionConfig f : plan.functions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("function_index", f.index());
      m.put("name", f.name());
      m.put("label", f.label());
      m.putAll(f.parameters());
      m.put("start", f.start().describe());
      m.put("gradient", f.gradient().id());
      m.put("bounds", f.bounds().id());
      functions.add(m);
    }
    out.put("functions", functions);
    List<Object> optimizers = new ArrayList<>();
    for (OptimizerConfig o : plan.optimizers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("optimizer_index", o.index());
      m.put("name", o.name());
      m.put("label", o.label());
      m.putAll(o.hyperparameters());
      optimizers.add(m);
    }
    out.put("optimizers", optimizers);
    if (plan.tuning() != null) {
      out.put("tuning", tuning(plan));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("trace", rules.logSpacedTrace() ? "log" : "every");
    output.put("trace_every", rules.traceEvery());
    if (rules.heldOutEvery() != RunRules.HELD_OUT_AT_TRACE_ROWS) {
      // only when set, so that folders of earlier versions compare alike
      output.put("held_out_every", rules.heldOutEvery());
    }
    if (rules.sharpness().tracked()) {
      output.put("sharpness_every", rules.sharpness().every());
      output.put("sharpness_tolerance", rules.sharpness().tolerance());
      output.put("sharpness_iterations", rules.sharpness().maxProducts());
    }
    output.put("checkpoint_every", rules.checkpointEvery());
    out.put("output", output);
    ReportRules report = plan.report();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("convergence", report.convergence().id());
    r.put("ecdf_x", report.ecdfX().id());
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("from", report.targetsFrom());
    targets.put("to", report.targetsTo());
    targets.put("step", report.targetsStep());
    r.put("targets", targets);
    r.put("tau", report.tau());
    out.put("report", r);
    out.put("versions", versions);
    try {
      ObjectMapper yaml =
          new ObjectMapper(
              YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
      Files.writeString(
          layout.resolvedSuite(), yaml.writeValueAsString(out), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ResultsWriteException(layout.resolvedSuite(), e);
    }
  }

  /** The tuning protocol as planned, and in an evaluation's plan what it picked. */
  private static Map<String, Object> tuning(Plan plan) {
    dev.gradus.runner.plan.Tuning t = plan.tuning();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("phase", plan.phase().id());
    m.put("strategy", t.strategy().id());
    m.put("seeds", t.seeds());
    if (t.strategy() == dev.gradus.runner.plan.Tuning.Strategy.HALVING) {
      m.put("eta", t.eta());
      m.put("rungs", t.rungs());
    }
    List<Object> units = new ArrayList<>();
    for (dev.gradus.runner.plan.Tuning.Unit u : t.units()) {
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("label", t.label(u));
      unit.put("searched", u.searched());
      unit.put("trials", u.trials().size());
      unit.put("rung_steps", java.util.Arrays.stream(u.rungSteps()).boxed().toList());
      if (t.winners() != null) {
        List<Object> winners = new ArrayList<>();
        for (int f = 0; f < plan.functions().size(); f++) {
          Map<String, Object> w = new LinkedHashMap<>();
          int trial = t.winners()[f][u.index()];
          w.put("function_index", f);
          w.put("metric", t.metrics().get(f).id());
          w.put("trial", trial);
          w.putAll(u.trials().get(trial));
          w.put("median", t.scores()[f][u.index()]);
          winners.add(w);
        }
        unit.put("winners", winners);
      }
      units.add(unit);
    }
    m.put("tuned", units);
    return m;
  }

  /**
   * One budget key over the plan's optimizer configurations: its value when they share it, the
   * distinct values in order when the suite sweeps it, null when no configuration sets it.
   */
  private static Object values(Plan plan, java.util.function.Function<RunRules.Budget, ?> key) {
    java.util.Set<Object> distinct = new java.util.LinkedHashSet<>();
    plan.optimizers().forEach(o -> distinct.add(key.apply(o.budget())));
    distinct.remove(null);
    if (distinct.isEmpty()) {
      return null;
    }
    return distinct.size() == 1 ? distinct.iterator().next() : List.copyOf(distinct);
  }

  /**
   * What analysis reads back from {@code suite.resolved.yaml}: the limits every run had and each
   * function configuration as written above (index, name, label, parameters, start, gradient,
   * bounds).
   *
   * @param budget max_iterations, max_evaluations, max_seconds (values may be null)
   * @param stop target, grad_norm (values may be null)
   * @param functions one map per function configuration, in index order
   * @param report the report rules, as {@link #write} spells them; empty in folders written before
   *     they were kept
   */
  public record Settings(
      Map<String, Object> budget,
      Map<String, Object> stop,
      List<Map<String, Object>> functions,
      Map<String, Object> report) {
    /** The suite's stop target f − f* ≤ target, or null when it has none. */
    public Double target() {
      return stop.get("target") instanceof Number n ? n.doubleValue() : null;
    }

    /**
     * The suite's report rules, each one it does not give at its default.
     *
     * @throws IllegalArgumentException when a value is not one the rules allow
     */
    public ReportRules reportRules() {
      ReportRules d = ReportRules.DEFAULTS;
      Map<?, ?> targets = report.get("targets") instanceof Map<?, ?> t ? t : Map.of();
      return new ReportRules(
          choice(ReportRules.Convergence.values(), report.get("convergence"), d.convergence()),
          choice(ReportRules.EcdfAxis.values(), report.get("ecdf_x"), d.ecdfX()),
          number(targets.get("from"), d.targetsFrom()),
          number(targets.get("to"), d.targetsTo()),
          number(targets.get("step"), d.targetsStep()),
          number(report.get("tau"), d.tau()));
    }

    private static double number(Object value, double otherwise) {
      return value instanceof Number n ? n.doubleValue() : otherwise;
    }

    private static <C extends ReportRules.Choice> C choice(C[] values, Object id, C otherwise) {
      if (id == null) {
        return otherwise;
      }
      for (C c : values) {
        if (c.id().equals(id)) {
          return c;
        }
      }
      throw new IllegalArgumentException("report: unknown value '" + id + "'");
    }
  }

  /**
   * Reads a folder's {@code suite.resolved.yaml}.
   *
   * @return empty when the folder has none
   * @throws IllegalArgumentException naming the file when it is damaged
   */
  @SuppressWarnings("unchecked")
  public static java.util.Optional<Settings> read(ResultsLayout layout) {
    java.nio.file.Path file = layout.resolvedSuite();
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try {
      Map<String, Object> m =
          new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
      Object budget = m.get("budget");
      Object stop = m.get("stop");
      Object functions = m.get("functions");
      if (!(budget instanceof Map) || !(stop instanceof Map) || !(functions instanceof List)) {
        throw new IllegalArgumentException("it lacks budget, stop or functions");
      }
      List<Map<String, Object>> list = new ArrayList<>();
      for (Object f : (List<Object>) functions) {
        if (!(f instanceof Map)) {
          throw new IllegalArgumentException("a function entry is not a map: " + f);
        }
        list.add((Map<String, Object>) f);
      }
      Object report = m.get("report");
      return java.util.Optional.of(
          new Settings(
              (Map<String, Object>) budget,
              (Map<String, Object>) stop,
              list,
              report instanceof Map ? (Map<String, Object>) report : Map.of()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
    }
  }
}
