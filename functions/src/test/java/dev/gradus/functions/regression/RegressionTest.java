package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionTest {
  @TempDir Path dir;

  private static Objective create(ObjectiveProvider p, Map<String, ?> raw) {
    return p.create(HyperParameters.resolve(p, raw));
  }

  private Map<String, ?> csv(String content, List<String> x, String y) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, content);
    return Map.of("data", Map.of("csv", file.toString(), "x", x, "y", y));
  }

  @Test
  void oneFeatureIsTheLecturesMAndB() throws IOException {
    // y = 2x + 1 exactly, so the fit is (2, 1) with zero error.
    Objective f =
        create(new LinearRegression(), csv("x,y\n0,1\n1,3\n2,5\n\"3\",7\n", List.of("x"), "y"));
    assertEquals(List.of("m", "b"), f.parameterNames());
    KnownMinimum min = f.knownMinimum().orElseThrow();
    assertArrayEquals(new double[] {2, 1}, min.minimizers().get(0), 1e-12);
    assertEquals(0, min.value(), 1e-20);
    // At m = b = 0 the MSE is the mean of y²: (1 + 9 + 25 + 49) / 4.
    assertEquals(21, f.value(new double[] {0, 0}), 1e-12);
  }

  @Test
  void leastSquaresMatchesAFitComputedByHand() throws IOException {
    // Points (0,1), (1,2), (2,2), (3,4): slope = Sxy/Sxx = 4.5/5 = 0.9, intercept 2.25 − 0.9·1.5.
    Objective f =
        create(new LinearRegression(), csv("y,x\n1,0\n2,1\n2,2\n4,3\n", List.of("x"), "y"));
    double[] fit = f.knownMinimum().orElseThrow().minimizers().get(0);
    assertArrayEquals(new double[] {0.9, 0.9}, fit, 1e-12);
    double mse = (sq(1 - 0.9) + sq(2 - 1.8) + sq(2 - 2.7) + sq(4 - 3.6)) / 4;
    assertEquals(mse, f.knownMinimum().get().value(), 1e-12);
  }

  @Test
  void generatedDataRecoversItsWeightsAndIsSeeded() {
    Map<String, ?> raw =
        Map.of(
            "data",
            Map.of(
                "generate",
                Map.of("n", 5000, "weights", List.of(3.0, -1.0), "bias", 0.5, "noise", 0.01)));
    Objective f = create(new LinearRegression(), raw);
    assertEquals(List.of("w0", "w1", "b"), f.parameterNames());
    assertArrayEquals(new double[] {3, -1, 0.5}, f.knownMinimum().get().minimizers().get(0), 1e-3);
    Objective again = create(new LinearRegression(), raw);
    assertEquals(f.value(new double[] {1, 1, 1}), again.value(new double[] {1, 1, 1}), 0);
  }

  @Test
  void collinearFeaturesHaveNoUniqueMinimum() throws IOException {
    Objective f =
        create(new LinearRegression(), csv("a,b,y\n1,2,1\n2,4,2\n3,6,2\n", List.of("a", "b"), "y"));
    assertTrue(f.knownMinimum().isEmpty());
  }

  @Test
  void logisticLossIsStableAndMatchesTheDefinition() throws IOException {
    Objective f =
        create(new LogisticRegression(), csv("x,label\n-1,0\n2,1\n0.5,0\n", List.of("x"), "label"));
    double[] p = {1.3, -0.2};
    double expected = 0;
    double[][] rows = {{-1, 0}, {2, 1}, {0.5, 0}};
    for (double[] r : rows) {
      double sigma = 1 / (1 + Math.exp(-(p[0] * r[0] + p[1])));
      expected -= r[1] * Math.log(sigma) + (1 - r[1]) * Math.log(1 - sigma);
    }
    assertEquals(expected / 3, f.value(p), 1e-12);
    // z = (−1000, 2000, 500) would overflow exp(z); the stable form gives the exact losses
    // 0, 0 and 500 (a confident wrong label costs z).
    assertEquals(500.0 / 3, f.value(new double[] {1000, 0}), 1e-9);
    assertTrue(f.knownMinimum().isEmpty());
  }

  @Test
  void logisticLabelsMustBeZeroOrOne() throws IOException {
    Map<String, ?> raw = csv("x,y\n1,0\n2,2\n", List.of("x"), "y");
    var e =
        assertThrows(
            InvalidHyperParameterException.class, () -> create(new LogisticRegression(), raw));
    assertTrue(e.getMessage().contains("label 2.0"), e.getMessage());
  }

  @Test
  void csvErrorsNameFileLineAndColumn() throws IOException {
    var missingFile =
        assertThrows(
            InvalidHyperParameterException.class,
            () ->
                create(
                    new LinearRegression(),
                    Map.of("data", Map.of("csv", "nope.csv", "x", "x", "y", "y"))));
    assertTrue(
        missingFile.getMessage().contains("nope.csv: no such file"), missingFile.getMessage());

    String error = message(csv("height,weight\n1,2\n", List.of("heigth"), "weight"));
    assertTrue(
        error.contains("no column 'heigth'") && error.contains("did you mean 'height'"), error);

    error = message(csv("x,y\n1,2\n3,abc\n", List.of("x"), "y"));
    assertTrue(
        error.contains("line 3") && error.contains("column 'y'") && error.contains("'abc'"), error);

    error = message(csv("x,y\n1,2\n3\n", List.of("x"), "y"));
    assertTrue(error.contains("line 3") && error.contains("has 1 fields"), error);

    error = message(csv("x,y\n", List.of("x"), "y"));
    assertTrue(error.contains("no data rows"), error);

    error = message(csv("", List.of("x"), "y"));
    assertTrue(error.contains("is empty"), error);
  }

  @Test
  void aHeaderWithTheByteOrderMarkExcelWritesReadsAsItsColumns() throws IOException {
    var objective =
        create(new LinearRegression(), csv("\uFEFFx,y\n0,1\n1,3\n2,5\n", List.of("x"), "y"));
    assertEquals(2, objective.dimension());
  }

  @Test
  void dataMustBeARegularFileAndLongValuesAreQuotedShort() throws Exception {
    Path fifo = dir.resolve("pipe.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    String error =
        message(Map.of("data", Map.of("csv", fifo.toString(), "x", List.of("x"), "y", "y")));
    assertTrue(error.contains("is not a regular file"), error);
    error = message(Map.of("data", Map.of("csv", "/dev/zero", "x", List.of("x"), "y", "y")));
    assertTrue(error.contains("is not a regular file"), error);

    String wide = "c".repeat(100_000);
    error = message(csv(wide + ",y\n1,2\n", List.of("x"), "y"));
    assertTrue(error.length() < 1_000, "quoted at most a short piece: " + error.length());
  }

  @Test
  void dataSpecErrorsAreClear() {
    assertTrue(specError(Map.of("generat", Map.of())).contains("did you mean 'generate'"));
    assertTrue(specError(Map.of()).contains("exactly one of 'csv', 'generate' or 'dataset'"));
    assertTrue(specError(Map.of("generate", Map.of("n", 0))).contains("data.generate.n = 0"));
    assertTrue(
        specError(Map.of("generate", Map.of("noise", -1))).contains("data.generate.noise = -1"));
  }

  private String message(Map<String, ?> raw) {
    return assertThrows(
            InvalidHyperParameterException.class, () -> create(new LinearRegression(), raw))
        .getMessage();
  }

  private static String specError(Map<String, ?> data) {
    return assertThrows(
            InvalidHyperParameterException.class,
            () -> create(new LinearRegression(), Map.of("data", data)))
        .getMessage();
  }

  private static double sq(double v) {
    return v * v;
  }
}
