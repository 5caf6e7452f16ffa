package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetsTest {
  private static Objective create(ObjectiveProvider p, Map<String, ?> data) {
    return p.create(HyperParameters.resolve(p, Map.of("data", data)));
  }

  @Test
  void breastCancerIsWdbcAsUciGivesIt() {
    Dataset d = Datasets.load("breast-cancer");
    assertEquals(569, d.rows());
    assertEquals(30, d.columns());
    assertEquals("radius_mean", d.featureNames().get(0));
    assertEquals("fractal_dimension_worst", d.featureNames().get(29));
    int malignant = 0;
    for (double t : d.targets()) {
      assertTrue(t == 0 || t == 1);
      malignant += (int) t;
    }
    assertEquals(212, malignant, "WDBC has 212 malignant and 357 benign cases");
    // UCI's first record, ID 842302: M, radius 17.99, texture 10.38, …, worst fractal dim. 0.1189
    assertEquals(17.99, d.feature(0, 0));
    assertEquals(10.38, d.feature(0, 1));
    assertEquals(0.1189, d.feature(0, 29));
    assertEquals(1, d.targets()[0]);
  }

  @Test
  void aCopyWhoseChecksumDiffersIsRefused() {
    Datasets.Shipped real = Datasets.ALL.get(0);
    Datasets.Shipped altered =
        new Datasets.Shipped(
            real.id(), real.resource(), "0".repeat(64), real.target(), real.scale(), true);
    String message =
        assertThrows(InvalidHyperParameterException.class, () -> Datasets.load(altered))
            .getMessage();
    assertTrue(
        message.contains("SHA-256 " + real.sha256()) && message.contains("damaged"), message);
  }

  @Test
  void featuresAreStandardizedUnlessTheSuiteSaysNot() {
    Objective scaled = create(new LogisticRegression(), Map.of("dataset", "breast-cancer"));
    Objective raw =
        create(new LogisticRegression(), Map.of("dataset", "breast-cancer", "standardize", false));
    assertEquals(31, scaled.dimension(), "30 weights and a bias");
    // at w = 0 every probability is ½: the mean loss is ln 2 whatever the features
    assertEquals(Math.log(2), scaled.value(new double[31]), 1e-14, "569 terms of ln 2, summed");
    // a weight on radius_mean alone: z = w·x, so the two versions see x standardized or not
    double[] w = new double[31];
    w[0] = 1e-3;
    assertTrue(raw.value(w) != scaled.value(w));
    Dataset z = Datasets.load("breast-cancer").standardized();
    for (int j = 0; j < z.columns(); j++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < z.rows(); i++) {
        sum += z.feature(i, j);
        squares += z.feature(i, j) * z.feature(i, j);
      }
      assertEquals(0, sum / z.rows(), 1e-12, "mean of " + z.featureNames().get(j));
      assertEquals(1, squares / z.rows(), 1e-12, "variance of " + z.featureNames().get(j));
    }
  }

  @Test
  void gradientDescentLearnsTheDiagnosis() {
    Objective f = create(new LogisticRegression(), Map.of("dataset", "breast-cancer"));
    double[] w = new double[f.dimension()];
    double[] g = new double[w.length];
    double loss = f.valueAndGradient(w, g);
    for (int t = 0; t < 500; t++) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= 0.5 * g[i];
      }
      loss = f.valueAndGradient(w, g);
    }
    assertTrue(loss < 0.1, "mean cross-entropy after 500 steps: " + loss);
  }

  @Test
  void unknownDatasetsAndMisplacedKeysAreClear() {
    String unknown =
        assertThrows(
                InvalidHyperParameterException.class,
                () -> create(new LogisticRegression(), Map.of("dataset", "breast-cancr")))
            .getMessage();
    assertTrue(unknown.contains("did you mean 'breast-cancer'"), unknown);
    String columns =
        assertThrows(
                InvalidHyperParameterException.class,
                () ->
                    create(
                        new LogisticRegression(),
                        Map.of("dataset", "breast-cancer", "y", "malignant")))
            .getMessage();
    assertTrue(columns.contains("belong with csv"), columns);
    String flag =
        assertThrows(
                InvalidHyperParameterException.class,
                () ->
                    create(
                        new LogisticRegression(),
                        Map.of("dataset", "breast-cancer", "standardize", "yes")))
            .getMessage();
    assertTrue(flag.contains("must be true or false"), flag);
  }
}
