package dev.gradus.runner.cli;

import dev.gradus.functions.expression.Expressions;
import dev.gradus.spi.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  List<String> at = new ArrayList<>();

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
    for (String binding : at) {
      int eq = binding.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--at " + Names.quote(binding) + ": expected NAME=VALUE, such as x=1 or v=1;2;3");
      }
      String name = binding.substring(0, eq).trim();
      if (point.put(name, parse(name, binding.substring(eq + 1))) != null) {
        throw new IllegalArgumentException(
            "--at gives " + Names.quote(name) + " twice; give each variable once");
      }
    }
    List<String> unbound = new ArrayList<>();
    for (String name : Expressions.freeVariables(Expressions.parse(expression))) {
      if (!point.containsKey(name)) {
        unbound.add(name);
      }
    }
    if (!unbound.isEmpty()) {
      throw new IllegalArgumentException(
          (unbound.size() == 1
                  ? "'" + unbound.get(0) + "' has"
                  : "'" + String.join("', '", unbound) + "' have")
              + " no value: give "
              + (unbound.size() == 1 ? "it" : "them")
              + " with --at, such as --at "
              + unbound.get(0)
              + "=1");
    }
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
            "--at "
                + Names.quote(name + "=" + text)
                + ": '"
                + Names.quote(parts[i])
                + "' is not a number");
      }
    }
    return values;
  }
}
