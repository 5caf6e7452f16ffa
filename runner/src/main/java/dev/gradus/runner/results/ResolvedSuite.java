package dev.gradus.runner.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gradus.runner.plan.FunctionConfig;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.Plan;
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
    budget.put("max_iterations", rules.budget().maxIterations());
    budget.put("max_evaluations", rules.budget().maxEvaluations());
    budget.put("max_seconds", rules.budget().maxSeconds());
    out.put("budget", budget);
    Map<String, Object> stop = new LinkedHashMap<>();
    stop.put("target", rules.stop().target());
    stop.put("grad_norm", rules.stop().gradNorm());
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
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("trace", rules.logSpacedTrace() ? "log" : "every");
    output.put("trace_every", rules.traceEvery());
    output.put("checkpoint_every", rules.checkpointEvery());
    out.put("output", output);
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

  /**
   * What analysis reads back from {@code suite.resolved.yaml}: the limits every run had and each
   * function configuration as written above (index, name, label, parameters, start, gradient,
   * bounds).
   *
   * @param budget max_iterations, max_evaluations, max_seconds (values may be null)
   * @param stop target, grad_norm (values may be null)
   * @param functions one map per function configuration, in index order
   */
  public record Settings(
      Map<String, Object> budget, Map<String, Object> stop, List<Map<String, Object>> functions) {
    /** The suite's stop target f − f* ≤ target, or null when it has none. */
    public Double target() {
      return stop.get("target") instanceof Number n ? n.doubleValue() : null;
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
      return java.util.Optional.of(
          new Settings((Map<String, Object>) budget, (Map<String, Object>) stop, list));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
    }
  }
}
