package dev.gradus.runner.cli;

import dev.gradus.functions.expression.Expressions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "grad",
    mixinStandardHelpOptions = true,
    description =
        "Print the value and gradient of an expression at a point, by autodiff through"
            + " its computation graph; optionally write the graph as Graphviz DOT.")
final class GradCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPRESSION", description = "Such as \"sin((x + y) * z)\".")
  String expression;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "NAME=VALUE",
      split = ",(?=[A-Za-z_])",
      description = "Variable values: --at x=1,y=2,z=3; a vector as v=1;2;3.")
  Map<String, String> at = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print one JSON object {\"f\": …, \"grad\": {\"x\": …}}.")
  boolean json;

  @Option(
      names = "--dot",
      paramLabel = "FILE",
      description = "Write the computation graph with values and gradients.")
  Path dot;

  @Override
  public Integer call() {
    Map<String, double[]> point = new LinkedHashMap<>();
    at.forEach((name, text) -> point.put(name, parse(name, text)));
    Expressions.Evaluation result = Expressions.evaluate(expression, point);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> gradient = new LinkedHashMap<>();
    result
        .gradients()
        .forEach(
            (name, g) ->
                gradient.put(
                    name, g.length == 1 && point.get(name).length == 1 ? (Object) g[0] : g));
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("f", result.value());
      m.put("grad", gradient);
      out.println(Json.write(m));
    } else {
      out.println("f = " + result.value());
      gradient.forEach(
          (name, g) ->
              out.println(
                  "d/d" + name + " = " + (g instanceof double[] v ? Arrays.toString(v) : g)));
    }
    if (dot != null) {
      try {
        Files.writeString(dot, result.graph().toDot(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dot + ": " + e.getMessage(), e);
      }
      if (!json) {
        out.println("graph written to " + dot + " (render: dot -Tpng " + dot + " -o graph.png)");
      }
    }
    out.flush();
    return 0;
  }

  static double[] parse(String name, String text) {
    String[] parts = text.split(";");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--at " + name + "=" + text + ": '" + parts[i] + "' is not a number");
      }
    }
    return values;
  }
}
