package dev.gradus.runner.report;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.results.ResolvedSuite;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Draws the plots of a results folder into {@code plots/} (each as PNG, PDF and, when small, SVG;
 * see {@link FigureFiles}) and writes {@code report.html}, a single interactive file that opens
 * offline ({@link HtmlReport}). Each kind of plot is its own {@link PlotKind}: convergence, paths
 * on contours, learning-rate sensitivity, sharpness, ECDFs, and the performance and data profiles.
 * Runs are grouped by the configuration indices their records carry; every plot shares one {@link
 * Palette}, so a configuration looks the same everywhere.
 */
public final class ReportWriter {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportWriter.class);

  private static final PlotKind PROFILES = new ProfilePlots();

  private static final List<PlotKind> KINDS =
      List.of(
          new ConvergencePlots(),
          new PathPlots(),
          new LrSensitivityPlots(),
          new SharpnessPlots(),
          new EcdfPlot(),
          PROFILES);

  private ReportWriter() {}

  /**
   * Writes {@code plots/} and {@code report.html} from the files of a results folder.
   *
   * @param plan the plan the folder holds, to draw paths on contours; null to leave them out
   * @return the report file
   * @throws IllegalArgumentException if the folder has no {@code runs.jsonl}, or holds runs the
   *     plan does not have
   */
  public static Path write(Path dir, Plan plan) {
    return write(ResultsFolder.read(dir), plan);
  }

  /** As {@link #write(Path, Plan)}, from a folder already read. */
  public static Path write(ResultsFolder results, Plan plan) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Path dir = results.dir();
    if (plan != null) {
      checkBelongs(dir, results, plan);
    }
    ResultsLayout layout = new ResultsLayout(dir);
    Path plots = layout.plots();
    List<String> notes = new ArrayList<>();
    if (plan == null) {
      notes.add(
          "Paths on contours need the suite: run 'gradus report DIR' on a folder that 'gradus"
              + " run' wrote (it keeps a copy of the suite as suite.yaml).");
    }
    long started = System.nanoTime();
    PlotKind.Input input = new PlotKind.Input(results, plan);
    FigureFiles files =
        new FigureFiles(
            new FigureRenderer(
                Palette.of(
                    results.runs().stream()
                        .map(r -> Map.entry(r.optimizerIndex(), r.optimizer()))
                        .toList())));
    try {
      Files.createDirectories(plots);
      removeOldPlots(plots);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + dir + ": " + e.getMessage(), e);
    }
    String suiteName = plan != null ? plan.suiteName() : dir.getFileName().toString();
    // one pool for every part: each kind's figures are drawn as soon as it is built (paths run
    // runs again, the others only read); the page lists the plot files, so it comes last
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "gradus-report");
              t.setDaemon(true);
              return t;
            });
    try {
      CompletionService<Integer> built = new ExecutorCompletionService<>(pool);
      List<List<PlotKind.Drawing>> byKind = new ArrayList<>();
      for (int k = 0; k < KINDS.size(); k++) {
        byKind.add(null);
      }
      for (int k = 0; k < KINDS.size(); k++) {
        int kind = k;
        built.submit(
            () -> {
              byKind.set(kind, KINDS.get(kind).draw(input));
              return kind;
            });
      }
      List<Future<?>> pending = new ArrayList<>();
      int drawings = 0;
      for (int k = 0; k < KINDS.size(); k++) {
        int kind = finished(built.take());
        List<PlotKind.Drawing> drawn = byKind.get(kind);
        drawings += drawn.size();
        for (Callable<Void> write : files.tasks(drawn, plots)) {
          pending.add(pool.submit(write));
        }
      }
      long submitted = System.nanoTime();
      for (Future<?> f : pending) {
        finished(f);
      }
      String html =
          HtmlReport.render(
              suiteName, results, notes, input.rules(), byKind.get(KINDS.indexOf(PROFILES)));
      Files.writeString(layout.report(), html, StandardCharsets.UTF_8);
      log.debug(
          "report: {} plots built in {} ms, all drawn and report.html written {} ms later",
          drawings,
          (submitted - started) / 1_000_000,
          (System.nanoTime() - submitted) / 1_000_000);
      return layout.report();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while drawing the report", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The value of a finished task, its own exception if it threw one. */
  private static <T> T finished(Future<T> task) throws InterruptedException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The report rules a folder is drawn with: the plan's, or without one those {@code
   * suite.resolved.yaml} keeps, or the defaults.
   */
  public static ReportRules rulesOf(ResultsFolder results, Plan plan) {
    if (plan != null) {
      return plan.report();
    }
    return ResolvedSuite.read(results.layout())
        .map(ResolvedSuite.Settings::reportRules)
        .orElse(ReportRules.DEFAULTS);
  }

  /** Every run of the folder must be the plan's run of the same id and configurations. */
  private static void checkBelongs(Path dir, ResultsFolder results, Plan plan) {
    Map<String, int[]> planned = new HashMap<>();
    plan.runs()
        .forEach(
            r -> planned.put(r.runId(), new int[] {r.function().index(), r.optimizer().index()}));
    for (RunResult r : results.runs()) {
      int[] indices = planned.get(r.runId());
      if (indices == null || indices[0] != r.functionIndex() || indices[1] != r.optimizerIndex()) {
        throw new IllegalArgumentException(
            dir
                + " holds run '"
                + r.runId()
                + "', which suite '"
                + plan.suiteName()
                + "' does not have: give the suite these results came from");
      }
    }
  }

  private static void removeOldPlots(Path plots) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(plots, "*.{png,svg,pdf}")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
  }
}
