package dev.gradus.runner.cli;

import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.wiring.Gradus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "(Re)build the plots (plots/*.png, *.pdf, *.svg) and report.html of a results folder from its"
            + " runs.jsonl, traces and summary.csv.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A results folder of 'gradus run'.")
  Path dir;

  @Option(
      names = "--suite",
      paramLabel = "SUITE.yaml",
      description =
          "The suite the results came from, to draw paths on contours (default: the copy"
              + " 'gradus run' keeps in DIR/suite.yaml).")
  Path suite;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "A folder of plugin jars; repeatable.")
  List<Path> plugins = new ArrayList<>();

  @Override
  public Integer call() {
    Logging.configure(true, false);
    Gradus gradus = SuiteOptions.wire(plugins, false);
    Pipeline pipeline = gradus.pipeline();
    Plan plan =
        suite != null
            ? Pipeline.evaluationOf(pipeline.plan(suite), dir)
            : pipeline.planOfFolder(dir).orElse(null);
    Path report = pipeline.report(dir, plan);
    PrintWriter out = spec.commandLine().getOut();
    out.println("report: " + report);
    if (plan == null) {
      out.println(
          "no suite in " + dir + " (suite.yaml) and no --suite given: paths on contours left out");
    }
    out.flush();
    return 0;
  }
}
