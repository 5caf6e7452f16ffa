package dev.gradus.runner.cli;

import dev.gradus.spi.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The EXPRESSION argument of {@code grad} and {@code graph}, which may start with a minus sign:
 * those commands take whatever matches none of their options as the expression, so a mistyped
 * option ({@code --jsn}) would become the expression; {@link #check} refuses it as an unknown
 * option.
 */
final class ExpressionArgument {
  /** The commands whose first argument is an expression. */
  static final List<String> COMMANDS = List.of("grad", "graph");

  /** What an option looks like and an expression never does: two dashes, then a word. */
  private static final Pattern OPTION_LIKE = Pattern.compile("--[A-Za-z][A-Za-z0-9-]*(=.*)?");

  private ExpressionArgument() {}

  /**
   * @throws IllegalArgumentException if {@code expression} looks like an option, naming the
   *     command's options that are close to it
   */
  static void check(String expression, CommandSpec spec) {
    if (OPTION_LIKE.matcher(expression).matches()) {
      throw new IllegalArgumentException(unknownOption(expression, spec));
    }
  }

  /**
   * The message for a command line of {@code spec}'s command that picocli could not parse, when an
   * argument of it looks like an option the command does not have (it was taken for the expression,
   * so picocli only saw too many arguments); empty otherwise.
   */
  static java.util.Optional<String> unknownOption(CommandSpec spec, String[] args) {
    if (!COMMANDS.contains(spec.name())) {
      return java.util.Optional.empty();
    }
    for (String arg : args) {
      if (OPTION_LIKE.matcher(arg).matches()
          && spec.findOption(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
              == null) {
        return java.util.Optional.of(unknownOption(arg, spec));
      }
    }
    return java.util.Optional.empty();
  }

  private static String unknownOption(String expression, CommandSpec spec) {
    String given =
        expression.contains("=") ? expression.substring(0, expression.indexOf('=')) : expression;
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      names.add(option.longestName());
    }
    return "unknown option '"
        + Names.quote(given)
        + "'"
        + Names.didYouMean(given, names)
        + "; an expression is one argument, such as \"-20 * exp(x)\"";
  }
}
