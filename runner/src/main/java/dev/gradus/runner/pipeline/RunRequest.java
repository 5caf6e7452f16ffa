package dev.gradus.runner.pipeline;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.run.RunExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a front end asks the pipeline to run: which runs of which plan, into which folder, how to
 * treat what the folder holds, where, and whether to draw the report.
 *
 * @param plan the checked plan
 * @param selected the runs to execute (all of the plan's, a shard's, or those named by id)
 * @param shard such as {@code 1/4}, recorded in {@code plan.json}; null for none
 * @param dir the results folder
 * @param mode how to treat results already in {@code dir}
 * @param executor where runs execute
 * @param suiteFile the suite file, copied into the folder so that {@code report} can re-plan; null
 *     to copy none
 * @param report whether to write {@code plots/} and {@code report.html}
 */
public record RunRequest(
    Plan plan,
    List<RunSpec> selected,
    String shard,
    Path dir,
    FolderGuard.Mode mode,
    RunExecutor executor,
    Path suiteFile,
    boolean report) {
  public RunRequest {
    Objects.requireNonNull(plan, "plan");
    selected = List.copyOf(selected);
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(executor, "executor");
  }
}
