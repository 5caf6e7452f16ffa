package dev.gradus.runner.cli;

import dev.gradus.runner.wiring.Gradus;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Print a function's value and gradient (by autodiff) at a point.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FUNCTION", description = "A function id.")
  String function;

  @Option(
      names = "--x",
      required = true,
      split = ",",
      paramLabel = "X",
      description = "The point, comma-separated: --x 1,2")
  List<Double> x;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A hyperparameter, such as dim=3; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print one JSON object {\"f\": …, \"grad\": […]}.")
  boolean json;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "A folder of plugin jars; repeatable.")
  List<Path> plugins = new ArrayList<>();

  @Override
  public Integer call() {
    Logging.configure(true, false);
    Gradus gradus = SuiteOptions.wire(plugins, false);
    ObjectiveProvider provider = gradus.plugins().objectives().require(function);
    Map<String, Object> raw = new LinkedHashMap<>();
    settings.forEach((k, v) -> raw.put(k, parseValue(v)));
    Objective objective = provider.create(HyperParameters.resolve(provider, raw));
    double[] point = x.stream().mapToDouble(Double::doubleValue).toArray();
    double[] gradient = new double[point.length];
    Objective.requireDimension(objective, point);
    double f = objective.valueAndGradient(point, gradient);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("f", f);
      m.put("grad", gradient);
      out.println(Json.line(m));
    } else {
      out.println("f    = " + f);
      out.println("grad = " + Arrays.toString(gradient));
    }
    out.flush();
    return 0;
  }

  /** A --set value as YAML would read it: a number, true/false, or text. */
  static Object parseValue(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notLong) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException notNumber) {
        return text;
      }
    }
  }
}
