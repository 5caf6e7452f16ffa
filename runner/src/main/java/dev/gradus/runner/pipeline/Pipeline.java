package dev.gradus.runner.pipeline;

import dev.gradus.runner.compare.Comparison;
import dev.gradus.runner.compare.ComparisonWriter;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.Planner;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.report.ReportWriter;
import dev.gradus.runner.results.CheckpointFiles;
import dev.gradus.runner.results.FlatTables;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.results.FolderLock;
import dev.gradus.runner.results.PlanFile;
import dev.gradus.runner.results.ResolvedSuite;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.ResultsStore;
import dev.gradus.runner.results.SuiteCopy;
import dev.gradus.runner.results.Summary;
import dev.gradus.runner.results.TraceWriter;
import dev.gradus.runner.run.Checkpoint;
import dev.gradus.runner.run.Origins;
import dev.gradus.runner.run.ResultsWriteException;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunExecutor;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.scale.Merger;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.tuning.TrialSelection;
import dev.gradus.runner.tuning.TrialsTable;
import dev.gradus.runner.tuning.TuningTable;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path from a suite file to a results folder, shared by every front end ({@code run},
 * {@code validate}, {@code report}, {@code merge}, {@code gradus-spark}): load the YAML, plan and
 * check it, execute the selected runs on an executor, write the results, and draw the report. The
 * front ends only parse their arguments into a {@link RunRequest}.
 */
public final class Pipeline {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private final Planner planner;
  private final List<RunListener> listeners;
  private final Map<String, String> versions;
  private final Map<String, String> pluginHashes;

  /**
   * @param listeners every run listener (logging, progress, plugins)
   * @param versions the Gradus and plugin versions to record in {@code suite.resolved.yaml}
   * @param pluginHashes the SHA-256 of each plugin jar by file name, recorded on every result line
   */
  public Pipeline(
      Planner planner,
      List<RunListener> listeners,
      Map<String, String> versions,
      Map<String, String> pluginHashes) {
    this.planner = planner;
    this.listeners = List.copyOf(listeners);
    this.versions = Map.copyOf(versions);
    this.pluginHashes = Collections.unmodifiableMap(new TreeMap<>(pluginHashes));
  }

  /** Loads and checks a suite file: everything a suite can get wrong fails here. */
  public Plan plan(Path suiteFile) {
    return planner.plan(new SuiteLoader().load(suiteFile));
  }

  /** Checks an already loaded suite. */
  public Plan plan(Suite suite) {
    return planner.plan(suite);
  }

  /** The plan of the suite a results folder keeps ({@code suite.yaml}), if it has one. */
  public Optional<Plan> planOfFolder(Path dir) {
    return SuiteCopy.load(dir).map(planner::plan).map(plan -> evaluationOf(plan, dir));
  }

  /**
   * The plan whose runs {@code dir} holds: {@code plan} itself, or for a tuned suite its
   * evaluation, picked again from the trials recorded in {@code dir/tuning}.
   *
   * @throws IllegalStateException when a tuned suite's trials are not all recorded
   */
  public static Plan evaluationOf(Plan plan, Path dir) {
    if (plan.phase() != Plan.Phase.TUNING) {
      return plan;
    }
    ResultsLayout inner = new ResultsLayout(dir).tuning();
    List<RunResult> recorded = new ArrayList<>();
    if (Files.isRegularFile(inner.runs())) {
      try {
        // read only: a report never repairs, or otherwise writes, the trials' records
        for (String line : ResultsStore.completeLines(inner.runs())) {
          recorded.add(dev.gradus.runner.results.RunRecords.fromJson(line));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + inner.runs(), e);
      }
    }
    TrialSelection selection = new TrialSelection(plan);
    for (int k = 0; k < selection.rungs(); k++) {
      try {
        selection.finish(k, recorded);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            inner.dir()
                + " does not hold every trial of suite '"
                + plan.suiteName()
                + "' ("
                + e.getMessage()
                + "): finish it with ./gradus run "
                + plan.suiteFile()
                + " --out "
                + dir
                + " --resume",
            e);
      }
    }
    return selection.evaluation();
  }

  /** The fields every result line of this suite carries, for {@code merge} and resume to check. */
  public Map<String, Object> provenance(Plan plan) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("suite_sha256", plan.suiteSha256());
    provenance.put("plugins", pluginHashes);
    if (plan.phase().id() != null) {
      provenance.put("phase", plan.phase().id());
    }
    return provenance;
  }

  /**
   * Runs a request into its folder: checks the folder ({@link FolderGuard}), writes {@code
   * plan.json}, {@code suite.resolved.yaml} and the suite copy, skips runs already recorded when
   * resuming (continuing unfinished ones from their checkpoints), executes the rest, appends each
   * finished run to {@code runs.jsonl}, writes {@code summary.csv} and, if asked, the report.
   *
   * @throws FolderGuard.RefusedException when the folder may not be used as asked, or another
   *     process is writing it
   * @throws ResultsWriteException when a result file cannot be written; what was written stays
   */
  public SuiteOutcome run(RunRequest request) {
    ResultsLayout layout = createFolder(request.dir());
    try (FolderLock lock = FolderLock.take(layout)) {
      return runLocked(request, layout);
    }
  }

  private SuiteOutcome runLocked(RunRequest request, ResultsLayout layout) {
    Plan plan = request.plan();
    if (plan.phase() == Plan.Phase.EVALUATION) {
      throw new IllegalArgumentException(
          "a tuned suite runs from the plan of its trials, which picks the evaluation");
    }
    if (plan.phase() == Plan.Phase.TUNING && request.selected().size() != plan.runs().size()) {
      throw new FolderGuard.RefusedException(
          "suite '"
              + plan.suiteName()
              + "' tunes its optimizers, and its evaluation depends on every trial: its trials run"
              + " whole (no --runs); --shard splits its evaluation");
    }
    FolderGuard.Decision decision =
        FolderGuard.check(
            layout, request.mode(), plan.suiteSha256(), pluginHashes, request.suiteFile());
    if (decision.note() != null) {
      log.info(decision.note());
    }
    if (plan.phase() == Plan.Phase.TUNING) {
      Plan evaluation = runTrials(request, layout, decision.resume());
      // each shard runs every trial, so every shard picks the same winners; the evaluation's
      // runs are what shards split
      List<RunSpec> mine =
          request.shard() == null
              ? evaluation.runs()
              : dev.gradus.runner.scale.Shards.select(
                  evaluation.runs(),
                  dev.gradus.runner.scale.Shard.parse(request.shard()),
                  Map.of());
      request =
          new RunRequest(
              evaluation,
              mine,
              request.shard(),
              request.dir(),
              request.mode(),
              request.executor(),
              request.suiteFile(),
              request.report());
    }
    return runChecked(request, layout, decision);
  }

  /**
   * Runs a tuned suite's trials into its {@code tuning/} folder, rung by rung ({@link
   * TrialSelection}), writes {@code tuning/trials.csv}, and returns the evaluation's plan.
   */
  private Plan runTrials(RunRequest request, ResultsLayout layout, boolean resume) {
    Plan trials = request.plan();
    ResultsLayout inner = createFolder(layout.tuning().dir());
    try (FolderLock lock = FolderLock.take(inner)) {
      FolderGuard.Decision decision =
          FolderGuard.check(
              inner,
              resume ? FolderGuard.Mode.RESUME : FolderGuard.Mode.NEW,
              trials.suiteSha256(),
              pluginHashes,
              null);
      TrialSelection selection = new TrialSelection(trials);
      for (int k = 0; k < selection.rungs(); k++) {
        List<RunSpec> rung = selection.runsOf(k);
        log.info(
            "tuning{}: {} runs",
            selection.rungs() > 1 ? " rung " + (k + 1) + " of " + selection.rungs() : "",
            rung.size());
        SuiteOutcome outcome =
            runChecked(
                new RunRequest(
                    trials,
                    rung,
                    null,
                    inner.dir(),
                    FolderGuard.Mode.RESUME,
                    request.executor(),
                    null,
                    false),
                inner,
                k == 0 ? decision : new FolderGuard.Decision(true, null));
        selection.finish(k, outcome.results());
      }
      TrialsTable.write(inner, trials, selection.rows());
      return selection.evaluation();
    }
  }

  private SuiteOutcome runChecked(
      RunRequest request, ResultsLayout layout, FolderGuard.Decision decision) {
    Plan plan = request.plan();
    ResolvedSuite.write(layout, plan, versions);
    PlanFile.write(layout.dir(), plan, request.selected(), request.shard(), pluginHashes);
    if (request.suiteFile() != null) {
      SuiteCopy.save(layout.dir(), request.suiteFile());
    }
    List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
    TraceWriter traces = new TraceWriter(layout, plan.rules().sharpness().tracked());
    CheckpointFiles checkpoints = new CheckpointFiles(layout, traces);
    try (ResultsStore store =
        ResultsStore.open(layout.dir(), decision.resume(), provenance(plan))) {
      if (plan.rules().checkpointEvery() > 0 && !request.executor().checkpoints()) {
        log.warn(
            "output.checkpoint_every is not used on this executor: a lost run is run again whole");
      }
      Set<String> done = keepRecorded(plan, store, results);
      // a kill between a run's record and the removal of its checkpoint leaves the checkpoint
      done.forEach(checkpoints::delete);
      List<RunSpec> pending = new ArrayList<>();
      Map<String, Checkpoint> resumeFrom = new HashMap<>();
      for (RunSpec spec : request.selected()) {
        if (done.contains(spec.runId())) {
          continue;
        }
        pending.add(spec);
        if (decision.resume()) {
          checkpoints
              .read(spec.runId(), plan.suiteSha256())
              .ifPresent(c -> resumeFrom.put(spec.runId(), c));
        }
      }
      if (decision.resume()) {
        log.info(
            "resuming: {} runs already done, {} to run ({} from a checkpoint)",
            done.size(),
            pending.size(),
            resumeFrom.size());
      }
      FanOut others = new FanOut(listeners);
      Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
      RunListener live = new ResultsFirst(traces, others, inFlight);
      SuiteInfo info =
          new SuiteInfo(plan.suiteName(), layout.dir(), plan.runs().size(), pending.size());
      Thread onExit = new Thread(() -> exitingEarly(plan, layout, results, inFlight));
      Runtime.getRuntime().addShutdownHook(onExit);
      try {
        others.suiteStarted(info);
        RunEngine engine =
            new RunEngine(
                plan.rules(),
                plan.suiteSha256(),
                plan.rules().checkpointEvery() > 0 ? checkpoints : Checkpoint.Sink.none());
        Map<String, RunSpec> byId = new HashMap<>();
        pending.forEach(spec -> byId.put(spec.runId(), spec));
        request
            .executor()
            .execute(
                pending,
                RunExecutor.RunTask.warmedBy(
                    (spec, listener) -> {
                      // only a run continued in this JVM keeps its trace up to the checkpoint; an
                      // executor that runs it again whole (Spark) rewrites the trace
                      Checkpoint from = resumeFrom.get(spec.runId());
                      if (from != null) {
                        traces.resumeAt(spec.runId(), from.iteration());
                      }
                      return engine.run(spec, listener, from, null);
                    },
                    engine::warmUp),
                live,
                finished -> {
                  RunSpec spec = byId.get(finished.runId());
                  if (spec == null) {
                    throw new IllegalStateException(
                        "the executor returned run "
                            + finished.runId()
                            + ", which it was not given: were its plugins other than the driver's?");
                  }
                  RunResult result = keepStackTrace(layout, finished);
                  RunInfo run = spec.info();
                  // the trace is complete on disk before the record says the run is finished
                  traces.runFinished(run, result.outcome());
                  store.append(result); // before other listeners, whose failure cannot lose it
                  results.add(result);
                  checkpoints.delete(result.runId());
                  inFlight.remove(result.runId());
                  others.runFinished(run, result.outcome());
                });
      } finally {
        traces.closeAll();
        try {
          Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
          // the JVM is shutting down already: the hook reports
        }
      }
      List<RunResult> sorted = new ArrayList<>(results);
      sorted.sort(Comparator.comparingInt(r -> runIndex(plan, r)));
      Summary summary = Summary.of(sorted);
      try {
        Files.writeString(layout.summary(), summary.toCsv(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ResultsWriteException(layout.summary(), e);
      }
      // read once: the tables and the report share the parsed traces
      long started = System.nanoTime();
      ResultsFolder folder = ResultsFolder.read(layout.dir(), traces.finishedTraces());
      long read = System.nanoTime();
      FlatTables.write(layout, sorted, folder.traces()::get, plan.report().targets());
      if (plan.phase() == Plan.Phase.EVALUATION) {
        TuningTable.write(layout, plan, sorted);
      }
      log.debug(
          "results read in {} ms, tables written in {} ms",
          (read - started) / 1_000_000,
          (System.nanoTime() - read) / 1_000_000);
      // after this the progress bar is gone, and log lines stand on their own
      others.suiteFinished(info);
      Path report = null;
      if (request.report()) {
        log.info("drawing the report");
        report = ReportWriter.write(folder, plan);
      }
      log.info("tables{} written in {}", report != null ? " and report" : "", seconds(started));
      return new SuiteOutcome(List.copyOf(sorted), summary, layout.dir(), report);
    }
  }

  /**
   * Joins shard folders into {@code out} ({@link Merger}) and draws its report, with paths on
   * contours when the suite the shards keep can be planned with this pipeline's providers.
   *
   * @param overwrite replace the results {@code out} holds; otherwise such a folder is refused
   * @param onProblem told why paths on contours are left out, if they are
   */
  public MergeOutcome merge(
      List<Path> folders, Path out, boolean overwrite, Consumer<String> onProblem) {
    Merger.Outcome merged;
    try (FolderLock lock = FolderLock.take(createFolder(out))) {
      merged = new Merger().merge(folders, out, overwrite);
    }
    Plan plan = null;
    try {
      plan = planOfFolder(out).orElse(null);
    } catch (RuntimeException e) {
      onProblem.accept("report without paths on contours: " + e.getMessage());
    }
    return new MergeOutcome(merged, report(out, plan));
  }

  private static ResultsLayout createFolder(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ResultsWriteException("cannot create results folder", dir, e);
    }
    return new ResultsLayout(dir);
  }

  /**
   * Compares results folders ({@link Comparison}) and writes the comparison where asked ({@link
   * ComparisonWriter}); the output places are checked before any folder is read, and the folders
   * are only read.
   *
   * @param target the runtime target, or null for the suites' own
   * @param markdown, latex, out each null when not asked for
   * @throws Comparison.RefusedException for folders that cannot be compared, or an output place
   *     that is refused
   */
  public static Comparison compare(
      List<Path> folders, Double target, Path markdown, Path latex, Path out) {
    ComparisonWriter.check(folders, markdown, latex, out);
    Comparison comparison = Comparison.of(folders, target);
    ComparisonWriter.write(comparison, markdown, latex, out);
    return comparison;
  }

  /** What {@link #merge} wrote: the merge's outcome and the report. */
  public record MergeOutcome(Merger.Outcome merged, Path report) {}

  /** Writes the plots and report of a folder; {@code plan} draws paths on contours, or null. */
  public Path report(Path dir, Plan plan) {
    // the tables follow the report rules too (report.targets), so that they and the report's
    // charts show the same numbers after the kept suite.yaml changes them; a suite still writing
    // into the folder holds its lock, and is not written over
    ResultsFolder folder = ResultsFolder.read(dir);
    try (FolderLock lock = FolderLock.take(folder.layout())) {
      FlatTables.write(
          folder.layout(),
          folder.runs(),
          folder.traces()::get,
          ReportWriter.rulesOf(folder, plan).targets());
      if (plan != null && plan.phase() == Plan.Phase.EVALUATION) {
        TuningTable.write(folder.layout(), plan, folder.runs());
      }
      return ReportWriter.write(folder, plan);
    }
  }

  private static String seconds(long startedNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
  }

  private static int runIndex(Plan plan, RunResult r) {
    int perFunction = plan.optimizers().size() * plan.repeats();
    return r.functionIndex() * perFunction + r.optimizerIndex() * plan.repeats() + r.repeat();
  }

  /** The runs a resumed folder already holds, checked to belong to this plan. */
  private static Set<String> keepRecorded(Plan plan, ResultsStore store, List<RunResult> results) {
    Map<String, RunSpec> planned = new HashMap<>();
    plan.runs().forEach(r -> planned.put(r.runId(), r));
    Set<String> done = new HashSet<>();
    for (RunResult previous : store.existing()) {
      RunSpec spec = planned.get(previous.runId());
      if (spec == null
          || spec.function().index() != previous.functionIndex()
          || spec.optimizer().index() != previous.optimizerIndex()) {
        throw new FolderGuard.RefusedException(
            store.file()
                + " holds run '"
                + previous.runId()
                + "', which this suite does not have: resume only into the folder of the same"
                + " suite");
      }
      if (!done.add(previous.runId())) {
        throw new FolderGuard.RefusedException(
            store.file()
                + " holds run '"
                + previous.runId()
                + "' twice, as two processes writing one folder leave it, and merge would refuse"
                + " it: keep one of its lines, or start afresh with --overwrite");
      }
      results.add(previous);
    }
    return done;
  }

  /**
   * A failed run's stack trace goes to {@code failures/<run_id>.txt}, named in its record, and to
   * the log at DEBUG ({@code -v}).
   */
  private static RunResult keepStackTrace(ResultsLayout layout, RunResult result) {
    if (result.stackTrace() == null) {
      return result;
    }
    Path file = layout.failure(result.runId());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, result.stackTrace(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
    log.debug("run {} failed:\n{}", result.runId(), result.stackTrace());
    return result.withErrorFile(ResultsLayout.failureName(result.runId()));
  }

  /**
   * When the JVM exits before the suite finished (Ctrl-C, a plugin that ended it through
   * reflection, a container stopping it), says what is kept, which runs were in flight, and how to
   * continue, and writes the summary of the runs recorded so far.
   */
  private static void exitingEarly(
      Plan plan, ResultsLayout layout, List<RunResult> results, Set<String> inFlight) {
    List<RunResult> recorded;
    synchronized (results) {
      recorded = new ArrayList<>(results);
    }
    try {
      Files.writeString(layout.summary(), Summary.of(recorded).toCsv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the message below still says what is kept
    }
    List<String> flying = new ArrayList<>(new java.util.TreeSet<>(inFlight));
    System.err.println(
        "gradus: exiting before suite '"
            + plan.suiteName()
            + "' finished: "
            + recorded.size()
            + " of "
            + plan.runs().size()
            + " runs are recorded in "
            + layout.runs()
            + " and summarised in "
            + layout.summary()
            + (flying.isEmpty()
                ? ""
                : "; in flight: "
                    + String.join(", ", flying.subList(0, Math.min(10, flying.size())))
                    + (flying.size() > 10 ? ", …" : ""))
            + ". Continue with: ./gradus run "
            + plan.suiteFile()
            + " --out "
            + layout.dir()
            + " --resume");
  }

  /**
   * The live listener of a run: the trace writer first, whose failures stop the suite, then every
   * other listener; it also keeps the set of runs in flight.
   */
  private static final class ResultsFirst implements RunListener {
    private final TraceWriter traces;
    private final RunListener others;
    private final Set<String> inFlight;

    ResultsFirst(TraceWriter traces, RunListener others, Set<String> inFlight) {
      this.traces = traces;
      this.others = others;
      this.inFlight = inFlight;
    }

    @Override
    public void runStarted(RunInfo run) {
      inFlight.add(run.runId());
      traces.runStarted(run);
      others.runStarted(run);
    }

    @Override
    public void iteration(RunInfo run, Iteration row) {
      traces.iteration(run, row);
      others.iteration(run, row);
    }
  }

  /**
   * Calls every listener in order; each sees the same events. A listener's exception names the
   * listener and where it comes from (a plugin jar), and the hook that failed.
   */
  static final class FanOut implements RunListener {
    private final List<RunListener> listeners;

    FanOut(List<RunListener> listeners) {
      this.listeners = listeners;
    }

    private static RuntimeException failed(RunListener l, String hook, RuntimeException e) {
      if (e instanceof ResultsWriteException unwritten) {
        return unwritten; // a file that cannot be written stops the suite as it is
      }
      return new IllegalStateException(
          "listener "
              + l.getClass().getName()
              + " ("
              + Origins.of(l)
              + ") failed in "
              + hook
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }

    @Override
    public void suiteStarted(SuiteInfo suite) {
      for (RunListener l : listeners) {
        try {
          l.suiteStarted(suite);
        } catch (RuntimeException e) {
          throw failed(l, "suiteStarted", e);
        }
      }
    }

    @Override
    public void runStarted(RunInfo run) {
      for (RunListener l : listeners) {
        try {
          l.runStarted(run);
        } catch (RuntimeException e) {
          throw failed(l, "runStarted", e);
        }
      }
    }

    @Override
    public void iteration(RunInfo run, Iteration row) {
      for (RunListener l : listeners) {
        try {
          l.iteration(run, row);
        } catch (RuntimeException e) {
          throw failed(l, "iteration", e);
        }
      }
    }

    @Override
    public void runFinished(RunInfo run, RunOutcome outcome) {
      for (RunListener l : listeners) {
        try {
          l.runFinished(run, outcome);
        } catch (RuntimeException e) {
          log.warn(failed(l, "runFinished of " + run.runId(), e).getMessage());
          log.debug("stack trace", e);
        }
      }
    }

    @Override
    public void suiteFinished(SuiteInfo suite) {
      for (RunListener l : listeners) {
        try {
          l.suiteFinished(suite);
        } catch (RuntimeException e) {
          throw failed(l, "suiteFinished", e);
        }
      }
    }
  }
}
