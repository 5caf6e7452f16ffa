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
    if (plan.phase() == Plan.Phase.TUNING) {
      dev.gradus.runner.plan.Tuning t = plan.tuning();
      spec.commandLine()
          .getOut()
          .printf(
              "%s: suite '%s' is valid: it tunes %d optimizer configurations by %s search: up to"
                  + " %d tuning runs = %d function configurations × %d trial configurations × %d"
                  + " seeds, then %d evaluation runs = %d × %d configurations (each tuned one and"
                  + " its defaults) × %d repeats%n",
              suite,
              plan.suiteName(),
              t.units().size(),
              t.strategy().id(),
              plan.runs().size(),
              plan.functions().size(),
              plan.optimizers().size(),
              plan.repeats(),
              plan.functions().size() * t.slots().size() * t.repeats(),
              plan.functions().size(),
              t.slots().size(),
              t.repeats());
      return 0;
    }
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
