package dev.gradus.runner.pipeline;

import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * What a suite run left in its folder: every run of the folder in run order (those recorded before
 * included), its summary, and the report when one was drawn.
 *
 * @param report {@code report.html}, or null when none was written
 */
public record SuiteOutcome(List<RunResult> results, Summary summary, Path outputDir, Path report) {
  /** How many runs failed or timed out. */
  public long notCompleted() {
    return results.stream()
        .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.TIMEOUT)
        .count();
  }

  /** {@link ExitCodes#OK}, or {@link ExitCodes#RUNS_FAILED} when some run failed or timed out. */
  public int exitCode() {
    return notCompleted() == 0 ? ExitCodes.OK : ExitCodes.RUNS_FAILED;
  }
}
