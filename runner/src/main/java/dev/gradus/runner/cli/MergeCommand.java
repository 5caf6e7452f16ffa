package dev.gradus.runner.cli;

import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.scale.Merger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Join the results folders of shards into one, as a single-machine run of the suite"
            + " would have written it. Refuses folders of different suites or plugin jars, and"
            + " duplicate runs; lists the missing runs (exit code 2 when some are missing).")
final class MergeCommand implements Callable<Integer> {
  static final int MISSING_RUNS = dev.gradus.runner.pipeline.ExitCodes.USAGE;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard results folders.")
  List<Path> folders;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The merged results folder: a new one, or one to replace with --overwrite.")
  Path out;

  @Option(
      names = "--overwrite",
      description = "Replace the result files of the --out folder (and only those).")
  boolean overwrite;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "Plugin jars the suite used, to draw its paths on contours; repeatable.")
  List<Path> plugins = new java.util.ArrayList<>();

  @Option(
      names = "--only-missing",
      description =
          "Write nothing: print the missing run ids, one per line, and the command that"
              + " runs them.")
  boolean onlyMissing;

  @Override
  public Integer call() {
    Logging.configure(true, false);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Merger merger = new Merger();
    if (onlyMissing) {
      Merger.Outcome found = merger.inspect(folders);
      found.missing().forEach(stdout::println);
      if (!found.missing().isEmpty()) {
        stderr.println(
            found.missing().size()
                + " of "
                + found.planned().size()
                + " runs missing; run them with:");
        stderr.println(
            "  ./gradus run SUITE.yaml --runs " + String.join(",", found.missing()) + " --out DIR");
      }
      stdout.flush();
      stderr.flush();
      return found.missing().isEmpty() ? 0 : MISSING_RUNS;
    }
    if (out == null) {
      throw new IllegalArgumentException("merge: give --out DIR (or --only-missing)");
    }
    Pipeline pipeline = SuiteOptions.wire(plugins, false).pipeline();
    Pipeline.MergeOutcome outcome = pipeline.merge(folders, out, overwrite, stderr::println);
    Merger.Outcome merged = outcome.merged();
    stdout.print(merged.summary().toTable(Terminal.width()));
    stdout.println("report: " + outcome.report());
    stdout.println();
    stdout.println(merged.merged() + " of " + merged.planned().size() + " runs merged into " + out);
    if (!merged.missing().isEmpty()) {
      stderr.println(merged.missing().size() + " runs are missing:");
      merged.missing().forEach(id -> stderr.println("  " + id));
    }
    stdout.flush();
    stderr.flush();
    return merged.missing().isEmpty() ? 0 : MISSING_RUNS;
  }
}
