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
    description =
        "Print a function's value and gradient (by autodiff) at a point, and on request its Hessian or Hessian-vector products.")
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
      names = "--hessian",
      description =
          "Also the dense Hessian, from n Hessian-vector products (\"hessian\": [[…]]), and how"
              + " they are computed (\"hessian_method\": autodiff or finite_differences).")
  boolean hessian;

  @Option(
      names = "--hvp",
      split = ",",
      paramLabel = "V",
      description = "Also the Hessian-vector product H(x)·v (\"hvp\": […]): --hvp 1,0")
  List<Double> hvp;

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
    double[] direction =
        hvp == null ? null : hvp.stream().mapToDouble(Double::doubleValue).toArray();
    if (direction != null && direction.length != point.length) {
      throw new IllegalArgumentException(
          "--hvp has "
              + direction.length
              + (direction.length == 1 ? " entry" : " entries")
              + ", but the point and the function have "
              + point.length);
    }
    double[][] matrix = hessian ? denseHessian(objective, point) : null;
    double[] product = null;
    if (direction != null) {
      product = new double[point.length];
      objective.hessianVectorProduct(point, direction, product);
    }
    String method = objective.hessianMethod().name().toLowerCase(java.util.Locale.ROOT);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("f", f);
      m.put("grad", gradient);
      if (matrix != null) {
        m.put("hessian", matrix);
      }
      if (product != null) {
        m.put("hvp", product);
      }
      if (matrix != null || product != null) {
        m.put("hessian_method", method);
      }
      out.println(Json.line(m));
    } else {
      out.println("f    = " + f);
      out.println("grad = " + Arrays.toString(gradient));
      if (matrix != null) {
        out.println("hessian = " + Arrays.deepToString(matrix));
      }
      if (product != null) {
        out.println("hvp  = " + Arrays.toString(product));
      }
      if (matrix != null || product != null) {
        out.println("(second order by " + method.replace('_', ' ') + ")");
      }
    }
    out.flush();
    return 0;
  }

  /** The most coordinates --hessian forms the dense matrix for (n products, n² numbers). */
  static final int MAX_DENSE = 2000;

  /** H(x), column j from the product with the j-th unit vector. */
  static double[][] denseHessian(Objective objective, double[] point) {
    int n = point.length;
    if (n > MAX_DENSE) {
      throw new IllegalArgumentException(
          "--hessian prints the dense Hessian, for at most "
              + MAX_DENSE
              + " coordinates; this function has "
              + n
              + ": use --hvp for products with it");
    }
    double[][] h = new double[n][n];
    double[] unit = new double[n];
    double[] column = new double[n];
    for (int j = 0; j < n; j++) {
      unit[j] = 1;
      objective.hessianVectorProduct(point, unit, column);
      unit[j] = 0;
      for (int i = 0; i < n; i++) {
        h[i][j] = column[i];
      }
    }
    return h;
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
