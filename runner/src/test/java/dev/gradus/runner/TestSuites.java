package dev.gradus.runner;

import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.pipeline.RunRequest;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.run.LocalExecutor;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Wiring, planning and running for tests, with the built-in providers on the test class path. */
public final class TestSuites {
  private TestSuites() {}

  public static Gradus gradus() {
    return Gradus.create(Plugins.discover(TestSuites.class.getClassLoader()), false);
  }

  public static Plan plan(String yaml) {
    return gradus().planner().plan(new SuiteLoader().parse(yaml, "suite.yaml", Path.of(".")));
  }

  /** A pipeline with only the given listeners. */
  public static Pipeline pipeline(List<RunListener> listeners) {
    return new Pipeline(gradus().planner(), listeners, Map.of(), Map.of());
  }

  /** Runs every run of {@code plan} into {@code out}, without a report. */
  public static SuiteOutcome run(
      Plan plan, Path out, int threads, FolderGuard.Mode mode, List<RunListener> listeners) {
    return pipeline(listeners)
        .run(
            new RunRequest(
                plan, plan.runs(), null, out, mode, new LocalExecutor(threads), null, false));
  }

  /** Runs every run of {@code plan} on {@code executor} into a new folder, without listeners. */
  public static SuiteOutcome run(Plan plan, Path out, dev.gradus.runner.run.RunExecutor executor) {
    return pipeline(List.of())
        .run(
            new RunRequest(
                plan, plan.runs(), null, out, FolderGuard.Mode.NEW, executor, null, false));
  }

  /** Runs every run of {@code plan} with {@code gradus}'s listeners into a new folder. */
  public static SuiteOutcome run(Gradus gradus, Plan plan, Path out, int threads) {
    return gradus
        .pipeline()
        .run(
            new RunRequest(
                plan,
                plan.runs(),
                null,
                out,
                FolderGuard.Mode.NEW,
                new LocalExecutor(threads),
                null,
                false));
  }

  public static SuiteOutcome run(String yaml, Path out, int threads, FolderGuard.Mode mode) {
    return run(plan(yaml), out, threads, mode, List.of());
  }

  /** A fresh run into a new folder. */
  public static SuiteOutcome run(String yaml, Path out, int threads) {
    return run(yaml, out, threads, FolderGuard.Mode.NEW);
  }

  /** {@code r} with its wall time zeroed, the one field that differs between executions. */
  /** The lines of a run's trace as it is on disk, gzipped (finished) or plain (running). */
  public static List<String> traceLines(Path dir, String runId) {
    Path file = new dev.gradus.runner.results.ResultsLayout(dir).existingTrace(runId);
    if (file == null) {
      throw new AssertionError("no trace of " + runId + " in " + dir);
    }
    try (java.io.BufferedReader in = dev.gradus.runner.results.ResultsFolder.openTrace(file)) {
      return in.lines().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static RunResult withoutTime(RunResult r) {
    return RunResults.of(r).timeless().build();
  }

  /** A listener whose {@code runStarted} throws "listener broke" for runs of {@code repeat}. */
  public static RunListener failingOnRepeat(int repeat) {
    return new RunListener() {
      @Override
      public void runStarted(dev.gradus.spi.RunInfo run) {
        if (run.repeat() == repeat) {
          throw new IllegalStateException("listener broke");
        }
      }
    };
  }
}
