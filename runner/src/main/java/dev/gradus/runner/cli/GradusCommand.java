package dev.gradus.runner.cli;

import picocli.CommandLine.Command;

/** {@code gradus}: the top-level command. */
@Command(
    name = "gradus",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Optimization research with computation graphs: run YAML benchmark suites of"
            + " optimizers on objective functions.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      DescribeCommand.class,
      EvalCommand.class,
      GradCommand.class,
      MergeCommand.class,
      CompareCommand.class,
      GraphCommand.class,
      ReportCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
public final class GradusCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
