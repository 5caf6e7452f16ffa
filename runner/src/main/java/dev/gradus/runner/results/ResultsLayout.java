package dev.gradus.runner.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a results folder, each named here once. Everything that reads or writes a results
 * folder (runs, resume, merge, report, Spark) goes through this type, and so does the folder {@code
 * gradus compare --out} writes (its {@code tables/} and {@code compare.html}).
 *
 * <pre>
 * runs.jsonl            one line per finished run
 * summary.csv           one row per (function configuration, optimizer configuration)
 * runs.csv              one flat row per run, a column per parameter (pandas, DuckDB)
 * traces.csv.gz         every trace row in long form
 * tables/ert.csv        average runtime to each target of COCO's ladder
 * tables/ert.md, .tex   the same at the decades 10² … 10⁻⁸, best per row in bold
 * tables/leaderboard.csv, .md, .tex    each optimizer's best configuration per function, ranked
 * tables/significance.csv, .md, .tex   pairwise rank-sum tests, Holm-corrected per function
 * plan.json             every run id of the suite, this folder's selection and shard
 * suite.resolved.yaml   the suite with every default filled in, and the versions used
 * suite.yaml            the suite file as written, for 'gradus report' to re-plan
 * traces/RUN_ID.csv     one row per recorded iteration
 * checkpoints/RUN_ID.ckpt  the last checkpoint of an unfinished run
 * failures/RUN_ID.txt   the stack trace of a failed run
 * plots/                the report's pictures
 * report.html           the report
 * compare.html          the page of a comparison folder ('gradus compare --out'), beside its
 *                       tables/comparison.csv, .md, .tex and tables/significance.*
 * .gradus.lock          held by the process writing the folder
 * </pre>
 */
public record ResultsLayout(Path dir) {
  public static final String RUNS = "runs.jsonl";
  public static final String SUMMARY = "summary.csv";
  public static final String RUNS_CSV = "runs.csv";
  public static final String TRACES_CSV = "traces.csv.gz";
  public static final String TABLES = "tables";
  public static final String PLAN = "plan.json";
  public static final String RESOLVED_SUITE = "suite.resolved.yaml";
  public static final String SUITE_COPY = "suite.yaml";
  public static final String TRACES = "traces";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String FAILURES = "failures";
  public static final String PLOTS = "plots";
  public static final String REPORT = "report.html";
  public static final String COMPARE_REPORT = "compare.html";

  /** A tuned suite's trials: a results folder of their own inside the suite's. */
  public static final String TUNING = "tuning";

  /** In {@link #TUNING}: every trial's score at every rung, and which won. */
  public static final String TRIALS_CSV = "trials.csv";

  public static final String ERT_CSV = "ert.csv";
  public static final String ERT_MD = "ert.md";
  public static final String ERT_TEX = "ert.tex";
  public static final String LEADERBOARD_CSV = "leaderboard.csv";
  public static final String LEADERBOARD_MD = "leaderboard.md";
  public static final String LEADERBOARD_TEX = "leaderboard.tex";
  public static final String SIGNIFICANCE_CSV = "significance.csv";
  public static final String SIGNIFICANCE_MD = "significance.md";
  public static final String SIGNIFICANCE_TEX = "significance.tex";
  public static final String COMPARISON_CSV = "comparison.csv";
  public static final String COMPARISON_MD = "comparison.md";
  public static final String COMPARISON_TEX = "comparison.tex";
  public static final String TUNING_CSV = "tuning.csv";
  public static final String TUNING_MD = "tuning.md";

  /** The tables of a comparison folder only ({@code gradus compare --out}). */
  public static final List<String> COMPARISON_TABLES =
      List.of(COMPARISON_CSV, COMPARISON_MD, COMPARISON_TEX);

  /** Every file Gradus writes in {@link #TABLES}, of a results folder or a comparison folder. */
  public static final List<String> TABLE_FILES =
      List.of(
          ERT_CSV,
          ERT_MD,
          ERT_TEX,
          LEADERBOARD_CSV,
          LEADERBOARD_MD,
          LEADERBOARD_TEX,
          SIGNIFICANCE_CSV,
          SIGNIFICANCE_MD,
          SIGNIFICANCE_TEX,
          COMPARISON_CSV,
          COMPARISON_MD,
          COMPARISON_TEX,
          TUNING_CSV,
          TUNING_MD);

  /** The lock of a folder in use ({@link FolderLock}); not a result, never in {@link #ALL}. */
  public static final String LOCK = ".gradus.lock";

  /** Every file and folder Gradus writes in a results folder, and nothing else. */
  public static final List<String> ALL =
      List.of(
          RUNS,
          SUMMARY,
          RUNS_CSV,
          TRACES_CSV,
          TABLES,
          PLAN,
          RESOLVED_SUITE,
          SUITE_COPY,
          TRACES,
          CHECKPOINTS,
          FAILURES,
          PLOTS,
          REPORT,
          COMPARE_REPORT,
          TUNING);

  /** The trials' own results folder of a tuned suite. */
  public ResultsLayout tuning() {
    return new ResultsLayout(dir.resolve(TUNING));
  }

  public Path runs() {
    return dir.resolve(RUNS);
  }

  public Path summary() {
    return dir.resolve(SUMMARY);
  }

  public Path runsCsv() {
    return dir.resolve(RUNS_CSV);
  }

  public Path tracesCsv() {
    return dir.resolve(TRACES_CSV);
  }

  public Path tables() {
    return dir.resolve(TABLES);
  }

  public Path ertCsv() {
    return table(ERT_CSV);
  }

  /** A file of {@link #TABLE_FILES} in this folder's {@code tables/}. */
  public Path table(String name) {
    if (!TABLE_FILES.contains(name)) {
      throw new IllegalArgumentException("not a table Gradus writes: " + name);
    }
    return tables().resolve(name);
  }

  public Path plan() {
    return dir.resolve(PLAN);
  }

  public Path resolvedSuite() {
    return dir.resolve(RESOLVED_SUITE);
  }

  public Path suiteCopy() {
    return dir.resolve(SUITE_COPY);
  }

  public Path traces() {
    return dir.resolve(TRACES);
  }

  /**
   * The plain trace of a run whose rows must be on disk before it finishes (up to a checkpoint, a
   * long trace, a stopped suite; see {@link TraceWriter}).
   */
  public Path trace(String runId) {
    return traces().resolve(runId + ".csv");
  }

  /** The trace of a finished run: the same rows, gzipped once the run ended. */
  public Path finishedTrace(String runId) {
    return traces().resolve(runId + ".csv.gz");
  }

  /** The run's trace file as it is on disk (finished if both exist), or null if it has none. */
  public Path existingTrace(String runId) {
    Path finished = finishedTrace(runId);
    if (Files.isRegularFile(finished)) {
      return finished;
    }
    Path running = trace(runId);
    return Files.isRegularFile(running) ? running : null;
  }

  public Path checkpoints() {
    return dir.resolve(CHECKPOINTS);
  }

  public Path checkpoint(String runId) {
    return checkpoints().resolve(runId + ".ckpt");
  }

  public Path failures() {
    return dir.resolve(FAILURES);
  }

  public Path failure(String runId) {
    return failures().resolve(runId + ".txt");
  }

  /** {@link #failure} relative to the folder, as records name it. */
  public static String failureName(String runId) {
    return FAILURES + "/" + runId + ".txt";
  }

  public Path plots() {
    return dir.resolve(PLOTS);
  }

  public Path report() {
    return dir.resolve(REPORT);
  }

  public Path compareReport() {
    return dir.resolve(COMPARE_REPORT);
  }

  public Path lock() {
    return dir.resolve(LOCK);
  }
}
