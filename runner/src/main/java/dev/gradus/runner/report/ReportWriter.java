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

/**
 * Draws the plots of a results folder into {@code plots/} (each as PNG, PDF and, when small, SVG;
 * see {@link FigureFiles}) and writes {@code report.html}, a single interactive file that opens
 * offline ({@link HtmlReport}). Each kind of plot is its own {@link PlotKind}: convergence, paths
 * on contours, learning-rate sensitivity, ECDFs, and the performance and data profiles. Runs are
 * grouped by the configuration indices their records carry; every plot shares one {@link Palette},
 * so a configuration looks the same everywhere.
 */
public final class ReportWriter {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportWriter.class);

  private static final PlotKind PROFILES = new ProfilePlots();

  private static final List<PlotKind> KINDS =
      List.of(
          new ConvergencePlots(),
          new PathPlots(),
          new LrSensitivityPlots(),
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
    // kinds are independent (paths run runs again, the others only read): build them side by side
    List<List<PlotKind.Drawing>> byKind =
        KINDS.parallelStream().map(kind -> kind.draw(input)).toList();
    List<PlotKind.Drawing> drawn = byKind.stream().flatMap(List::stream).toList();
    long built = System.nanoTime();
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
      // rendering is most of the time a report takes; files are independent
      files.saveAll(drawn, plots);
      long saved = System.nanoTime();
      String suiteName = plan != null ? plan.suiteName() : dir.getFileName().toString();
      String html =
          HtmlReport.render(
              suiteName, results, notes, input.rules(), byKind.get(KINDS.indexOf(PROFILES)));
      Files.writeString(layout.report(), html, StandardCharsets.UTF_8);
      log.debug(
          "report: {} plots built in {} ms, drawn and saved in {} ms; report.html in {} ms",
          drawn.size(),
          (built - started) / 1_000_000,
          (saved - built) / 1_000_000,
          (System.nanoTime() - saved) / 1_000_000);
      return layout.report();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + dir + ": " + e.getMessage(), e);
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
