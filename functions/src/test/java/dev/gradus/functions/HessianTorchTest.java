package dev.gradus.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.functions.expression.Expressions;
import dev.gradus.graph.Graph;
import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.HessianMethod;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.ProviderRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Hessians and Hessian-vector products of the lecture's expressions (through the expression
 * language and {@link Graph#hessian()}) and of every catalog function (through {@link
 * Objective#hessianVectorProduct}) against PyTorch's {@code torch.autograd.functional.hessian} and
 * {@code hvp}, recorded once by {@code torch-golden/hessians.py} (torch 1.13, float64) at points
 * and directions it chose (see its docstring to re-record).
 *
 * <p>Tolerance: 1e-10 of the largest entry of the array compared (at least 1). Both sides compute
 * in float64 but associate sums and products differently, so they differ by rounding errors of the
 * intermediate terms, a few ulps of the largest of them, which the largest entry bounds for these
 * small formulas; 1e-10 leaves five orders of magnitude for that and fails any wrong rule.
 */
class HessianTorchTest {
  private static final double TOLERANCE = 1e-10;

  private static final ProviderRegistry<ObjectiveProvider> REGISTRY =
      ProviderRegistry.load(ObjectiveProvider.class, HessianTorchTest.class.getClassLoader());

  private record Row(
      String source,
      String name,
      int dimension,
      String[] variables,
      double[] point,
      double[] direction,
      double value,
      double[] gradient,
      double[] hessian,
      double[] hvp) {}

  private static List<Row> rows() throws IOException {
    List<String> lines;
    try (InputStream in =
        HessianTorchTest.class.getResourceAsStream("/torch-golden/hessians.tsv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    return lines.subList(1, lines.size()).stream()
        .map(
            line -> {
              String[] c = line.split("\t", -1);
              return new Row(
                  c[0],
                  c[1],
                  Integer.parseInt(c[2]),
                  c[3].split(";"),
                  numbers(c[4]),
                  numbers(c[5]),
                  Double.parseDouble(c[6]),
                  numbers(c[7]),
                  numbers(c[8]),
                  numbers(c[9]));
            })
        .toList();
  }

  private static double[] numbers(String cell) {
    String[] parts = cell.split(";");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    double scale = 1;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      double error = Math.abs(expected[i] - actual[i]);
      int at = i;
      double s = scale;
      assertTrue(
          error <= TOLERANCE * scale,
          () ->
              what
                  + "["
                  + at
                  + "] is "
                  + actual[at]
                  + ", PyTorch "
                  + expected[at]
                  + " (error "
                  + error
                  + ", tolerance "
                  + TOLERANCE * s
                  + ")");
    }
  }

  @Test
  void lectureExpressionsMatchPyTorch() throws IOException {
    int checked = 0;
    for (Row row : rows()) {
      if (!row.source().equals("expression")) {
        continue;
      }
      Map<String, Node> variables = new LinkedHashMap<>();
      for (int i = 0; i < row.dimension(); i++) {
        variables.put(row.variables()[i], Variable.scalar(row.variables()[i], row.point()[i]));
      }
      Graph graph = Expressions.compile(row.name(), variables).graph();
      String where = row.name() + " at " + java.util.Arrays.toString(row.point());
      int n = graph.parameterCount();
      double[] hessian = new double[n * n];
      double[][] dense = graph.hessian();
      for (int i = 0; i < n; i++) {
        System.arraycopy(dense[i], 0, hessian, i * n, n);
      }
      assertClose(row.hessian(), hessian, where + ": Hessian");
      double[] product = new double[n];
      graph.hessianVectorProduct(row.direction(), product);
      assertClose(row.hvp(), product, where + ": H·v");
      double[] gradient = new double[n];
      graph.vectorJacobianProduct(new double[] {1}, gradient);
      assertClose(row.gradient(), gradient, where + ": gradient");
      assertClose(
          new double[] {row.value()}, new double[] {graph.output().item()}, where + ": value");
      checked++;
    }
    assertEquals(16, checked, "the recorded expression rows");
  }

  @Test
  void catalogFunctionsMatchPyTorch() throws IOException {
    Set<String> functions = new TreeSet<>();
    for (Row row : rows()) {
      if (!row.source().equals("catalog")) {
        continue;
      }
      ObjectiveProvider provider = REGISTRY.require(row.name());
      boolean scalable = !provider.hyperParameters().isEmpty();
      Objective f =
          provider.create(
              HyperParameters.resolve(
                  provider, scalable ? Map.of("dim", row.dimension()) : Map.of()));
      assertEquals(HessianMethod.AUTODIFF, f.hessianMethod(), row.name());
      String where = row.name() + " at " + java.util.Arrays.toString(row.point());
      int n = f.dimension();
      double[] hessian = new double[n * n];
      double[] unit = new double[n];
      double[] column = new double[n];
      for (int j = 0; j < n; j++) {
        unit[j] = 1;
        f.hessianVectorProduct(row.point(), unit, column);
        unit[j] = 0;
        for (int i = 0; i < n; i++) {
          hessian[i * n + j] = column[i];
        }
      }
      assertClose(row.hessian(), hessian, where + ": Hessian");
      double[] product = new double[n];
      f.hessianVectorProduct(row.point(), row.direction(), product);
      assertClose(row.hvp(), product, where + ": H·v");
      double[] gradient = new double[n];
      double value = f.valueAndGradient(row.point(), gradient);
      assertClose(row.gradient(), gradient, where + ": gradient");
      assertClose(new double[] {row.value()}, new double[] {value}, where + ": value");
      functions.add(row.name());
    }
    Set<String> catalog = new TreeSet<>();
    for (ObjectiveProvider p : REGISTRY.all()) {
      if (p.getClass().getPackageName().equals("dev.gradus.functions.catalog")) {
        catalog.add(p.id());
      }
    }
    assertEquals(catalog, functions, "every catalog function is recorded");
  }
}
