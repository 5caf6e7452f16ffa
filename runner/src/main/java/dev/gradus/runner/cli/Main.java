package dev.gradus.runner.cli;

import picocli.CommandLine;

/** Entry point of the {@code gradus} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code, without exiting; tests call this. */
  public static int run(String... args) {
    return run(
        new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new GradusCommand());
    cli.setOut(out);
    cli.setErr(err);
    // an expression may start with a minus sign ("-20 * exp(x)"): what matches no option is the
    // expression, and ExpressionArgument still refuses a mistyped --option given in its place
    for (String name : ExpressionArgument.COMMANDS) {
      cli.getSubcommands().get(name).setUnmatchedOptionsArePositionalParams(true);
    }
    // a bad option value is one clear line, not the whole usage
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          CommandLine command = e.getCommandLine();
          command
              .getErr()
              .println(
                  "gradus: "
                      + ExpressionArgument.unknownOption(command.getCommandSpec(), args2)
                          .orElse(dev.gradus.spi.Names.quote(e.getMessage())));
          command
              .getErr()
              .println(
                  "(see 'gradus "
                      + command.getCommandSpec().qualifiedName(" ").replaceFirst("^gradus ?", "")
                      + " --help')");
          return command.getCommandSpec().exitCodeOnInvalidInput();
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("gradus: " + messageOf(e));
          if (org.slf4j.LoggerFactory.getLogger("gradus").isDebugEnabled()) {
            e.printStackTrace(commandLine.getErr()); // -v
          }
          return 1;
        });
    return cli.execute(args);
  }

  static String messageOf(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message;
  }
}
