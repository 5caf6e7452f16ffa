package dev.gradus.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gradus.runner.output.PlanFile;
import dev.gradus.runner.output.ResultsStore;
import dev.gradus.runner.output.Summary;
import dev.gradus.runner.output.TraceWriter;
import dev.gradus.runner.plan.FunctionConfig;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunExecutor;
import dev.gradus.runner.run.RunResult;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a planned suite into a results folder: writes {@code suite.resolved.yaml}, skips runs
 * already recorded when resuming, executes the rest, appends each finished run to {@code
 * runs.jsonl}, and writes {@code summary.csv}.
 */
public final class SuiteRunner {
  private static final Logger log = LoggerFactory.getLogger(SuiteRunner.class);

  private final List<RunListener> listeners;
  private final Map<String, String> versions;
  private final Map<String, String> pluginHashes;

  /**
   * @param listeners every run listener (logging, progress, plugins)
   * @param versions the Gradus and plugin versions to record in {@code suite.resolved.yaml}
   */
  public SuiteRunner(List<RunListener> listeners, Map<String, String> versions) {
    this(listeners, versions, Map.of());
  }

  /**
   * @param pluginHashes the SHA-256 of each plugin jar by file name, recorded on every result line
   */
  public SuiteRunner(
      List<RunListener> listeners, Map<String, String> versions, Map<String, String> pluginHashes) {
    this.listeners = List.copyOf(listeners);
    this.versions = versions;
    this.pluginHashes = new java.util.TreeMap<>(pluginHashes);
  }

  /** The fields every result line of this suite carries, for {@code merge} to check. */
  public Map<String, Object> provenance(Plan plan) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("suite_sha256", plan.suite().sha256());
    provenance.put("plugins", pluginHashes);
    return provenance;
  }

  /** The outcome of {@link #run}: every run of the suite, in run-id order, and its summary. */
  public record Outcome(List<RunResult> results, Summary summary, Path outputDir) {}

  public Outcome run(Plan plan, Path outputDir, RunExecutor executor, boolean resume) {
    return run(plan, plan.runs(), null, outputDir, executor, resume);
  }

  /**
   * Runs only {@code selected} (a shard, or the runs named with {@code --runs}), recording in
   * {@code plan.json} every run the suite has, the selection and the shard, for {@code merge}.
   *
   * @param shard the shard these runs are, such as {@code 1/4}, or null
   */
  public Outcome run(
      Plan plan,
      List<RunSpec> selected,
      String shard,
      Path outputDir,
      RunExecutor executor,
      boolean resume) {
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create results folder " + outputDir + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(outputDir)) {
      throw new UncheckedIOException(
          new IOException("results folder " + outputDir + " is not writable"));
    }
    writeResolvedSuite(plan, outputDir.resolve("suite.resolved.yaml"));
    PlanFile.write(outputDir, plan, selected, shard);
    try (ResultsStore store = ResultsStore.open(outputDir, resume, provenance(plan))) {
      Set<String> planned = new HashSet<>();
      plan.runs().forEach(r -> planned.add(r.runId()));
      List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
      Set<String> done = new HashSet<>();
      for (RunResult previous : store.existing()) {
        if (!planned.contains(previous.runId())) {
          throw new IllegalStateException(
              store.file()
                  + " holds run '"
                  + previous.runId()
                  + "', which this suite does not have: resume only into the folder of the same suite");
        }
        if (done.add(previous.runId())) {
          results.add(previous);
        }
      }
      List<RunSpec> pending = new ArrayList<>();
      for (RunSpec spec : selected) {
        if (!done.contains(spec.runId())) {
          pending.add(spec);
        }
      }
      if (resume) {
        log.info("resuming: {} runs already done, {} to run", done.size(), pending.size());
      }
      List<RunListener> all = new ArrayList<>(listeners);
      all.add(new TraceWriter(outputDir));
      RunListener fanOut = new FanOut(all);
      SuiteInfo info =
          new SuiteInfo(plan.suite().name(), outputDir, plan.runs().size(), pending.size());
      fanOut.suiteStarted(info);
      RunEngine engine =
          new RunEngine(
              plan.suite().budget(), plan.suite().stop(), plan.suite().output().traceEvery());
      Map<String, RunSpec> byId = new HashMap<>();
      pending.forEach(spec -> byId.put(spec.runId(), spec));
      executor.execute(
          pending,
          spec -> engine.run(spec, fanOut),
          result -> {
            store.append(result); // first, so that a listener failure cannot lose the result
            results.add(result);
            fanOut.runFinished(byId.get(result.runId()).info(), result.outcome());
          });
      List<RunResult> sorted = new ArrayList<>(results);
      sorted.sort(java.util.Comparator.comparing(RunResult::runId));
      Summary summary = Summary.of(sorted);
      Files.writeString(outputDir.resolve("summary.csv"), summary.toCsv(), StandardCharsets.UTF_8);
      fanOut.suiteFinished(info);
      return new Outcome(sorted, summary, outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write results in " + outputDir + ": " + e.getMessage(), e);
    }
  }

  private void writeResolvedSuite(Plan plan, Path file) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("suite", plan.suite().name());
    out.put("seed", plan.suite().seed());
    out.put("repeats", plan.suite().repeats());
    Map<String, Object> budget = new LinkedHashMap<>();
    budget.put("max_iterations", plan.suite().budget().maxIterations());
    budget.put("max_evaluations", plan.suite().budget().maxEvaluations());
    budget.put("max_seconds", plan.suite().budget().maxSeconds());
    out.put("budget", budget);
    Map<String, Object> stop = new LinkedHashMap<>();
    stop.put("target", plan.suite().stop().target());
    stop.put("grad_norm", plan.suite().stop().gradNorm());
    out.put("stop", stop);
    List<Object> functions = new ArrayList<>();
    for (FunctionConfig f : plan.functions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.putAll(f.parameters());
      m.put("start", f.start() == null ? "default" : f.start().toPlain());
      m.put("gradient", f.gradient());
      functions.add(m);
    }
    out.put("functions", functions);
    List<Object> optimizers = new ArrayList<>();
    for (OptimizerConfig o : plan.optimizers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", o.name());
      m.putAll(o.hyperparameters());
      optimizers.add(m);
    }
    out.put("optimizers", optimizers);
    out.put("output", Map.of("trace_every", plan.suite().output().traceEvery()));
    out.put("versions", versions);
    try {
      ObjectMapper yaml =
          new ObjectMapper(
              YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
      Files.writeString(file, yaml.writeValueAsString(out), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Calls every listener in order; each sees the same events. */
  private static final class FanOut implements RunListener {
    private final List<RunListener> listeners;

    FanOut(List<RunListener> listeners) {
      this.listeners = listeners;
    }

    @Override
    public void suiteStarted(SuiteInfo suite) {
      listeners.forEach(l -> l.suiteStarted(suite));
    }

    @Override
    public void runStarted(RunInfo run) {
      listeners.forEach(l -> l.runStarted(run));
    }

    @Override
    public void iteration(
        RunInfo run, long it, double f, double gap, double g, double s, double lr) {
      for (RunListener l : listeners) {
        l.iteration(run, it, f, gap, g, s, lr);
      }
    }

    @Override
    public void runFinished(RunInfo run, RunOutcome outcome) {
      for (RunListener l : listeners) {
        try {
          l.runFinished(run, outcome);
        } catch (RuntimeException e) {
          log.warn(
              "listener {} failed after run {}: {}",
              l.getClass().getName(),
              run.runId(),
              e.toString());
        }
      }
    }

    @Override
    public void suiteFinished(SuiteInfo suite) {
      listeners.forEach(l -> l.suiteFinished(suite));
    }
  }
}
