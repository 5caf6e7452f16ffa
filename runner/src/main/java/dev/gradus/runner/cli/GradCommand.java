package dev.gradus.runner.cli;

import dev.gradus.functions.expression.Expressions;
import dev.gradus.graph.Graph;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
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
      splitSynopsisLabel = ",",
      description =
          "Variable values: --at x=1,y=2,z=3; a vector as v=1;2;3; a matrix, rows between"
              + " bars, as A=1;2|3;4.")
  List<String> at = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object {\"f\": …, \"grad\": {\"x\": …}}.")
  boolean json;

  @Option(
      names = "--hessian",
      description =
          "Also the Hessian, exact by autodiff (forward-over-reverse); in JSON"
              + " \"hessian\": {\"x\": {\"x\": …, \"y\": …}, …}, a block of rows for"
              + " vector and matrix variables.")
  boolean hessian;

  @Option(
      names = "--dot",
      paramLabel = "FILE",
      description = "Write the computation graph with values and gradients.")
  Path dot;

  @Override
  public Integer call() {
    ExpressionArgument.check(expression, spec);
    Map<String, Tensor> point = new LinkedHashMap<>();
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
    Expressions.Evaluation result = Expressions.evaluateAt(expression, point);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> gradient = new LinkedHashMap<>();
    result.gradients().forEach((name, g) -> gradient.put(name, shaped(g, result.shape(name))));
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("f", result.value());
      m.put("grad", gradient);
      if (hessian) {
        m.put("hessian", hessianBlocks(result));
      }
      out.println(Json.write(m));
    } else {
      out.println("f = " + result.value());
      gradient.forEach((name, g) -> out.println("d/d" + name + " = " + text(g)));
      if (hessian) {
        hessianBlocks(result)
            .forEach(
                (a, row) ->
                    row.forEach(
                        (b, block) -> out.println("d2/d" + a + " d" + b + " = " + text(block))));
      }
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

  /**
   * A value of --at: a number, a vector {@code 1;2;3}, or a matrix {@code 1;2|3;4} (rows between
   * bars, all of one length).
   */
  static Tensor parse(String name, String text) {
    String[] rows = text.split("\\|", -1);
    double[][] values = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      values[r] = numbers(name, text, rows[r]);
      if (values[r].length != values[0].length) {
        throw new IllegalArgumentException(
            "--at "
                + Names.quote(name + "=" + text)
                + ": row "
                + (r + 1)
                + " has "
                + count(values[r].length)
                + " and row 1 "
                + count(values[0].length)
                + "; a matrix's rows have one length");
      }
    }
    if (rows.length > 1) {
      return Tensor.matrix(values);
    }
    return values[0].length == 1 ? Tensor.scalar(values[0][0]) : Tensor.vector(values[0]);
  }

  private static String count(int values) {
    return values + (values == 1 ? " value" : " values");
  }

  private static double[] numbers(String name, String text, String row) {
    String[] parts = row.split(";");
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

  /** A gradient in its variable's shape: a number, a list, or a list of rows. */
  /**
   * The Hessian as blocks by pairs of variables, in the order the gradient lists them: a number for
   * two scalars, otherwise one row per element of the first (row-major) holding the second's
   * elements. A variable the expression does not use has zero blocks.
   */
  static Map<String, Map<String, Object>> hessianBlocks(Expressions.Evaluation result) {
    Graph graph = result.graph();
    double[][] h = graph.parameterCount() == 0 ? new double[0][0] : graph.hessian();
    Map<String, Integer> offsets = new LinkedHashMap<>();
    int at = 0;
    for (Variable v : graph.variables()) {
      if (v.requiresGradient()) {
        offsets.put(v.name(), at);
        at += v.size();
      }
    }
    Map<String, Map<String, Object>> blocks = new LinkedHashMap<>();
    for (String a : result.gradients().keySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      int sizeA = result.gradients().get(a).length;
      for (String b : result.gradients().keySet()) {
        int sizeB = result.gradients().get(b).length;
        double[][] block = new double[sizeA][sizeB];
        Integer offsetA = offsets.get(a);
        Integer offsetB = offsets.get(b);
        if (offsetA != null && offsetB != null) {
          for (int i = 0; i < sizeA; i++) {
            System.arraycopy(h[offsetA + i], offsetB, block[i], 0, sizeB);
          }
        }
        row.put(b, sizeA == 1 && sizeB == 1 ? (Object) block[0][0] : Arrays.asList(block));
      }
      blocks.put(a, row);
    }
    return blocks;
  }

  private static Object shaped(double[] g, int[] shape) {
    if (shape.length == 0) {
      return g[0];
    }
    if (shape.length == 2) {
      List<double[]> rows = new ArrayList<>();
      for (int r = 0; r < shape[0]; r++) {
        rows.add(Arrays.copyOfRange(g, r * shape[1], (r + 1) * shape[1]));
      }
      return rows;
    }
    return g;
  }

  private static String text(Object g) {
    if (g instanceof double[] v) {
      return Arrays.toString(v);
    }
    if (g instanceof List<?> rows) {
      List<String> texts = new ArrayList<>();
      for (Object row : rows) {
        texts.add(Arrays.toString((double[]) row));
      }
      return "[" + String.join(", ", texts) + "]";
    }
    return String.valueOf(g);
  }
}
