package dev.gradus.runner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.analysis.Ert;
import dev.gradus.runner.results.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's tables on a hand-made ranking, and the folder names labels use. */
class ComparisonTablesTest {
  private static Samples samples(String label, double... gaps) {
    Ert.Run[] runs = new Ert.Run[gaps.length];
    for (int i = 0; i < gaps.length; i++) {
      runs[i] = new Ert.Run(i == 0 ? 10 : Double.POSITIVE_INFINITY, 50);
    }
    return new Samples(0, "rosen_brock 50%", 0, "gd", label, gaps.length, gaps, runs);
  }

  /** Best: gaps 1…4; second: 5…8, worse (exact p = 2/70, one comparison). */
  static Comparison comparison() {
    Samples best = samples("a/gd lr=0.1", 1, 2, 3, 4);
    Samples worse = samples("b_2/gd & co", 5, 6, 7, 8);
    Comparison.Entry first =
        new Comparison.Entry(1, best, new double[] {1.5, 3.5}, Double.NaN, Double.NaN);
    Comparison.Entry second =
        new Comparison.Entry(2, worse, new double[] {5.5, 7.5}, 2 / 70.0, 2 / 70.0);
    return new Comparison(
        List.of("a", "b_2"),
        1e-8,
        List.of(new Comparison.Function("rosen_brock 50%", List.of(first, second), List.of())));
  }

  @Test
  void theLatexTableIsBooktabsWithTheBestInBoldAndDaggers() {
    String tex = ComparisonTables.latex(comparison());
    assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule"), tex);
    assertTrue(tex.trim().endsWith("\\bottomrule\n\\end{tabular}"), tex);
    assertTrue(tex.contains("\\emph{rosen\\_brock 50\\%}"), tex);
    // one success of four runs: 25%, aRT (10 + 3·50)/1 = 160
    assertTrue(
        tex.contains(
            "1 & \\textbf{a/gd lr=0.1} & 4 & \\textbf{2.5} & [1.5, 3.5] & 25\\% & 160 &  \\\\"),
        tex);
    assertTrue(
        tex.contains(
            "2 & b\\_2/gd \\& co & 4 & 6.5 & [5.5, 7.5] & 25\\% & 160 & 0.0286$^\\dagger$"),
        tex);
  }

  @Test
  void theMarkdownTextAndCsvForms() {
    String md = ComparisonTables.markdown(comparison());
    assertTrue(
        md.contains("| 1 | **a/gd lr=0.1** | 4 | **2.5** | [1.5, 3.5] | 25% | 160 |  |"), md);
    assertTrue(md.contains("| 2 | b\\_2/gd & co | 4 | 6.5 |"), md);
    assertTrue(md.contains("0.0286 † |"), md);
    String text = ComparisonTables.text(comparison());
    assertTrue(text.contains("b_2/gd & co"), "the terminal shows labels as they are: " + text);
    List<String> csv = ComparisonTables.csv(comparison()).lines().toList();
    assertEquals(ComparisonTables.CSV_HEADER, csv.get(0));
    assertTrue(csv.get(2).endsWith("," + (2 / 70.0) + "," + (2 / 70.0) + ",true"), csv.get(2));
    String html = ComparisonTables.html(comparison());
    assertTrue(html.contains("b_2/gd &amp; co"), html);
    assertFalse(html.contains("gd & co"), html);
  }

  @Test
  void foldersOfTheSameNameAreToldApartByPosition() {
    assertEquals(
        List.of("results(1)", "results(2)", "other"),
        Comparison.names(List.of(Path.of("x/results"), Path.of("y/results"), Path.of("other"))));
    assertEquals(List.of("a", "b"), Comparison.names(List.of(Path.of("a/"), Path.of("./b"))));
  }
}
