package dev.gradus.functions.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The graphs against the formulas written out again, independently, with Math. */
class FormulaTest {
  private static double sq(double v) {
    return v * v;
  }

  private static final Map<TestFunction, ToDoubleFunction<double[]>> FORMULAS =
      Map.ofEntries(
          Map.entry(new Booth(), p -> sq(p[0] + 2 * p[1] - 7) + sq(2 * p[0] + p[1] - 5)),
          Map.entry(new Matyas(), p -> 0.26 * (sq(p[0]) + sq(p[1])) - 0.48 * p[0] * p[1]),
          Map.entry(
              new ThreeHumpCamel(),
              p ->
                  2 * sq(p[0])
                      - 1.05 * Math.pow(p[0], 4)
                      + Math.pow(p[0], 6) / 6
                      + p[0] * p[1]
                      + sq(p[1])),
          Map.entry(new Himmelblau(), p -> sq(sq(p[0]) + p[1] - 11) + sq(p[0] + sq(p[1]) - 7)),
          Map.entry(
              new GoldsteinPrice(),
              p -> {
                double x = p[0], y = p[1];
                return (1
                        + sq(x + y + 1)
                            * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y))
                    * (30
                        + sq(2 * x - 3 * y)
                            * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y));
              }),
          Map.entry(
              new BukinN6(),
              p -> 100 * Math.sqrt(Math.abs(p[1] - 0.01 * sq(p[0]))) + 0.01 * Math.abs(p[0] + 10)),
          Map.entry(
              new LeviN13(),
              p ->
                  sq(Math.sin(3 * Math.PI * p[0]))
                      + sq(p[0] - 1) * (1 + sq(Math.sin(3 * Math.PI * p[1])))
                      + sq(p[1] - 1) * (1 + sq(Math.sin(2 * Math.PI * p[1])))),
          Map.entry(
              new Easom(),
              p ->
                  -Math.cos(p[0])
                      * Math.cos(p[1])
                      * Math.exp(-(sq(p[0] - Math.PI) + sq(p[1] - Math.PI)))),
          Map.entry(
              new CrossInTray(),
              p ->
                  -0.0001
                      * Math.pow(
                          Math.abs(
                                  Math.sin(p[0])
                                      * Math.sin(p[1])
                                      * Math.exp(Math.abs(100 - Math.hypot(p[0], p[1]) / Math.PI)))
                              + 1,
                          0.1)),
          Map.entry(
              new Eggholder(),
              p ->
                  -(p[1] + 47) * Math.sin(Math.sqrt(Math.abs(p[0] / 2 + p[1] + 47)))
                      - p[0] * Math.sin(Math.sqrt(Math.abs(p[0] - (p[1] + 47))))),
          Map.entry(
              new HolderTable(),
              p ->
                  -Math.abs(
                      Math.sin(p[0])
                          * Math.cos(p[1])
                          * Math.exp(Math.abs(1 - Math.hypot(p[0], p[1]) / Math.PI)))),
          Map.entry(
              new McCormick(),
              p -> Math.sin(p[0] + p[1]) + sq(p[0] - p[1]) - 1.5 * p[0] + 2.5 * p[1] + 1),
          Map.entry(
              new SchafferN2(),
              p ->
                  0.5
                      + (sq(Math.sin(sq(p[0]) - sq(p[1]))) - 0.5)
                          / sq(1 + 0.001 * (sq(p[0]) + sq(p[1])))),
          Map.entry(
              new SchafferN4(),
              p ->
                  0.5
                      + (sq(Math.cos(Math.sin(Math.abs(sq(p[0]) - sq(p[1]))))) - 0.5)
                          / sq(1 + 0.001 * (sq(p[0]) + sq(p[1])))),
          Map.entry(
              new Beale(),
              p ->
                  sq(1.5 - p[0] + p[0] * p[1])
                      + sq(2.25 - p[0] + p[0] * sq(p[1]))
                      + sq(2.625 - p[0] + p[0] * Math.pow(p[1], 3))),
          Map.entry(
              new Shekel(),
              p -> {
                double[][] a = {
                  {4, 4, 4, 4},
                  {1, 1, 1, 1},
                  {8, 8, 8, 8},
                  {6, 6, 6, 6},
                  {3, 7, 3, 7},
                  {2, 9, 2, 9},
                  {5, 3, 5, 3},
                  {8, 1, 8, 1},
                  {6, 2, 6, 2},
                  {7, 3.6, 7, 3.6}
                };
                double[] c = {0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5};
                double sum = 0;
                for (int i = 0; i < 10; i++) {
                  double d = c[i];
                  for (int j = 0; j < 4; j++) {
                    d += sq(p[j] - a[i][j]);
                  }
                  sum += 1 / d;
                }
                return -sum;
              }),
          Map.entry(
              new Rastrigin(),
              p -> {
                double s = 10 * p.length;
                for (double v : p) {
                  s += v * v - 10 * Math.cos(2 * Math.PI * v);
                }
                return s;
              }),
          Map.entry(
              new Ackley(),
              p -> {
                double s = 0, c = 0;
                for (double v : p) {
                  s += v * v;
                  c += Math.cos(2 * Math.PI * v);
                }
                return -20 * Math.exp(-0.2 * Math.sqrt(s / p.length))
                    - Math.exp(c / p.length)
                    + Math.E
                    + 20;
              }),
          Map.entry(
              new Sphere(),
              p -> {
                double s = 0;
                for (double v : p) {
                  s += v * v;
                }
                return s;
              }),
          Map.entry(
              new Rosenbrock(),
              p -> {
                double s = 0;
                for (int i = 0; i + 1 < p.length; i++) {
                  s += 100 * sq(p[i + 1] - p[i] * p[i]) + sq(1 - p[i]);
                }
                return s;
              }),
          Map.entry(
              new Griewank(),
              p -> {
                double s = 0, prod = 1;
                for (int i = 0; i < p.length; i++) {
                  s += p[i] * p[i] / 4000;
                  prod *= Math.cos(p[i] / Math.sqrt(i + 1));
                }
                return 1 + s - prod;
              }),
          Map.entry(
              new StyblinskiTang(),
              p -> {
                double s = 0;
                for (double v : p) {
                  s += Math.pow(v, 4) - 16 * v * v + 5 * v;
                }
                return s / 2;
              }));

  private static ToDoubleFunction<double[]> formulaOf(TestFunction function) {
    return FORMULAS.entrySet().stream()
        .filter(e -> e.getKey().id().equals(function.id()))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  @Test
  void graphsMatchTheFormulasAtRandomPoints() {
    SplittableRandom random = new SplittableRandom(11);
    FORMULAS.forEach(
        (function, formula) -> {
          for (int dim :
              function.scalable()
                  ? new int[] {function.id().equals("rosenbrock") ? 2 : 1, 2, 5, 13}
                  : new int[] {0}) {
            Objective f =
                function.create(
                    HyperParameters.resolve(
                        function, function.scalable() ? Map.of("dim", dim) : Map.of()));
            double[] lower = f.domain().get().lower();
            double[] upper = f.domain().get().upper();
            for (int sample = 0; sample < 50; sample++) {
              double[] x = new double[f.dimension()];
              for (int i = 0; i < x.length; i++) {
                x[i] = lower[i] + (upper[i] - lower[i]) * random.nextDouble();
              }
              double expected = formula.applyAsDouble(x);
              assertEquals(expected, f.value(x), 1e-10 * Math.max(1, Math.abs(expected)), f + "");
            }
          }
        });
    assertEquals(22, FORMULAS.size());
  }

  @Test
  void scalableFunctionsWorkAtAMillionDimensions() {
    for (TestFunction function :
        new TestFunction[] {
          new Sphere(),
          new Rastrigin(),
          new Ackley(),
          new Rosenbrock(),
          new Griewank(),
          new StyblinskiTang()
        }) {
      Objective f = function.create(HyperParameters.resolve(function, Map.of("dim", 1_000_000)));
      double[] x = f.defaultStart().get();
      double[] g = new double[x.length];
      double value = f.valueAndGradient(x, g);
      assertEquals(
          formulaOf(function).applyAsDouble(x), value, 1e-9 * Math.max(1, Math.abs(value)));
      double[] minimizer = f.knownMinimum().get().minimizers().get(0);
      double minimum = f.knownMinimum().get().value();
      assertEquals(minimum, f.value(minimizer), 1e-9 * Math.max(1, Math.abs(minimum)), f + "");
    }
  }
}
