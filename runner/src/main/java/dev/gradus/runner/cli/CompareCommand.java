package dev.gradus.runner.cli;

import dev.gradus.runner.compare.Comparison;
import dev.gradus.runner.compare.ComparisonTables;
import dev.gradus.runner.pipeline.ExitCodes;
import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.results.ResultsLayout;
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
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare results folders on the function configurations they share: per function, every"
            + " optimizer configuration (labelled FOLDER/label) ranked by median final gap, with"
            + " its bootstrap CI, success rate, aRT and rank-sum tests against the best"
            + " (Holm-corrected). Refuses folders whose same-named function configurations"
            + " differ (exit code 2). The folders are only read.")
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "DIR", description = "Results folders of 'gradus run'.")
  List<Path> folders;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Write the tables as Markdown.")
  Path markdown;

  @Option(
      names = "--latex",
      paramLabel = "FILE",
      description = "Write the tables as LaTeX (booktabs).")
  Path latex;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write a comparison folder (tables/*.csv, .md, .tex and compare.html); a new or empty"
              + " folder, never one of the inputs.")
  Path out;

  @Option(
      names = "--target",
      paramLabel = "GAP",
      description =
          "The f - f* that counts as reached for success rates, aRT and runtimes (default: the"
              + " suites' stop target, else 1e-8).")
  Double target;

  @Override
  public Integer call() {
    Logging.configure(true, false);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Comparison comparison;
    try {
      comparison = Pipeline.compare(folders, target, markdown, latex, out);
    } catch (Comparison.RefusedException e) {
      stderr.println("gradus: " + e.getMessage());
      stderr.flush();
      return ExitCodes.USAGE;
    }
    stdout.print(ComparisonTables.text(comparison));
    if (out != null) {
      stdout.println("comparison: " + new ResultsLayout(out).compareReport());
    }
    stdout.flush();
    return ExitCodes.OK;
  }
}
