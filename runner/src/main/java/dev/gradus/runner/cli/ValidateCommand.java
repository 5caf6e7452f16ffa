package dev.gradus.runner.cli;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.wiring.Gradus;
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
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a suite without running it: syntax, ids, hyperparameters, data and starts.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE.yaml", description = "The suite file.")
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
    Plan plan = gradus.pipeline().plan(suite);
    spec.commandLine()
        .getOut()
        .printf(
            "%s: suite '%s' is valid: %d runs = %d function configurations × %d optimizer"
                + " configurations × %d repeats%n",
            suite,
            plan.suiteName(),
            plan.runs().size(),
            plan.functions().size(),
            plan.optimizers().size(),
            plan.repeats());
    return 0;
  }
}
