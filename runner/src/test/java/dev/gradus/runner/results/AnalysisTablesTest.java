package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.analysis.Ert;
import dev.gradus.runner.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The significance and ERT tables, on samples small enough to work by hand. */
class AnalysisTablesTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @TempDir Path dir;

  private static Samples samples(int optimizer, String label, double[] gaps, double... hits) {
    Ert.Run[] runs = new Ert.Run[hits.length];
    for (int i = 0; i < hits.length; i++) {
      runs[i] = new Ert.Run(hits[i], 100);
    }
    return new Samples(0, "sphere_x #1", optimizer, "opt", label, gaps.length, gaps, runs);
  }

  /** A: gaps 1…4, target reached after 10…40 evaluations; B: gaps 5…8, never reached. */
  static List<SignificanceTable.Row> rows() {
    Samples a = samples(0, "adam_lr=1e-3 & 100%", new double[] {1, 2, 3, 4}, 10, 20, 30, 40);
    Samples b = samples(1, "gd | slow", new double[] {5, 6, 7, 8}, INF, INF, INF, INF);
    return SignificanceTable.of(List.of(a, b), 1e-6);
  }

  @Test
  void onePairTestedOnBothMetrics() {
    List<SignificanceTable.Row> rows = rows();
    assertEquals(1, rows.size());
    SignificanceTable.Row row = rows.get(0);
    // gaps: every A below every B, U = 0; exact p = 2 / C(8, 4) = 2/70; one pair, Holm leaves it
    assertEquals(0, row.gap().u());
    assertEquals(2 / 70.0, row.gap().pHolm(), 1e-15);
    assertEquals(-1, row.gap().lower());
    // runtimes: the four ∞ of B tie (t = 4, t³ − t = 60); U = 0, mean 8,
    // variance 4·4/12·(9 − 60/(8·7)) = 10.5714, z = (8 − 0.5)/√10.5714 = 2.30672, p = 0.021071
    assertEquals(0, row.runtime().u());
    assertEquals(0.021071, row.runtime().p(), 1e-6);
    assertTrue(row.runtime().significant(SignificanceTable.ALPHA));
    assertEquals(Double.POSITIVE_INFINITY, row.b().medianRuntime());
    assertEquals(25, row.a().medianRuntime(), "median of 10, 20, 30, 40");
    assertEquals(10 + 20 + 30 + 40, row.a().art() * 4, 1e-12, "aRT: all four succeeded");
  }

  @Test
  void theCsvKeepsFullPrecisionAndTwoLinesPerPair() {
    List<String> lines = SignificanceTable.csv(rows()).lines().toList();
    assertEquals(SignificanceTable.HEADER, lines.get(0));
    assertEquals(3, lines.size());
    List<String> gap = ResultsFolder.csvCells(lines.get(1));
    assertEquals("final_gap", gap.get(2));
    assertEquals("adam_lr=1e-3 & 100%", gap.get(4));
    assertEquals(Double.toString(2 / 70.0), gap.get(14), "full precision, not 0.0286");
    assertEquals("true", gap.get(15));
    assertEquals("a", gap.get(16));
    List<String> runtime = ResultsFolder.csvCells(lines.get(2));
    assertEquals("runtime_to_target", runtime.get(2));
    assertEquals("1.0E-6", runtime.get(3));
    assertEquals("inf", runtime.get(11), "B's median runtime");
  }

  @Test
  void theLatexTableIsBooktabsWithEscapesAndMarks() {
    String tex = SignificanceTable.latex(rows());
    assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule"), tex);
    assertTrue(tex.trim().endsWith("\\bottomrule\n\\end{tabular}"), tex);
    assertTrue(tex.contains("\\emph{sphere\\_x \\#1}"), tex);
    assertTrue(
        tex.contains(
            "adam\\_lr=1e-3 \\& 100\\% & gd | slow & \\textbf{2.5} & 6.5 & 0.0286$^\\dagger$"
                + " & \\textbf{25} & $\\infty$ & 0.0211$^\\dagger$ \\\\"),
        tex);
    // every row has as many cells as the tabular has columns
    for (String line : tex.lines().toList()) {
      if (line.endsWith("\\\\") && !line.contains("multicolumn")) {
        assertEquals(7, line.chars().filter(c -> c == '&').count() - countEscaped(line), line);
      }
    }
  }

  private static long countEscaped(String line) {
    return line.split("\\\\&", -1).length - 1;
  }

  @Test
  void theMarkdownTableEscapesCellsAndMarksThePair() {
    String md = SignificanceTable.markdown(rows());
    assertTrue(
        md.contains(
            "| adam\\_lr=1e-3 & 100% | gd \\| slow | **2.5** | 6.5 | 0.0286 † | **25** | ∞ |"
                + " 0.0211 † |"),
        md);
    assertTrue(md.contains("f − f* ≤ 1e-6"), md);
  }

  @Test
  void theErtTablesBoldTheLeastArtOfEachTarget() {
    RunResult gd = RunResults.sample().run(0, "sphere", 0, "gd").labels("sphere", "gd_1").build();
    RunResult adam = RunResults.sample().run(0, "sphere", 1, "adam").build();
    List<ErtTable.Row> rows =
        List.of(
            new ErtTable.Row(gd, 0, 100, 4, 4, 12, 10, 14),
            new ErtTable.Row(adam, 0, 100, 4, 2, 30, 20, INF),
            new ErtTable.Row(gd, 5, 10, 4, 0, INF, INF, INF),
            new ErtTable.Row(adam, 5, 10, 4, 1, 200, 100, INF));
    String md = ErtTable.markdown(rows);
    assertTrue(md.contains("| target | gd\\_1 | adam |"), md);
    assertTrue(md.contains("| 100 | **12** | 30 (2/4) |"), md);
    assertTrue(md.contains("| 10 | ∞ | **200 (1/4)** |"), md);
    String tex = ErtTable.latex(rows);
    assertTrue(tex.contains("target & gd\\_1 & adam \\\\"), tex);
    assertTrue(tex.contains("100 & \\textbf{12} & 30 (2/4) \\\\"), tex);
    assertTrue(tex.contains("10 & $\\infty$ & \\textbf{200 (1/4)} \\\\"), tex);
    assertTrue(tex.contains("\\toprule") && tex.contains("\\bottomrule"), tex);
  }

  @Test
  void aResultsFolderGetsEveryTableNamedInTheLayout() throws Exception {
    ResultsLayout layout = new ResultsLayout(dir);
    FlatTables.write(layout, LeaderboardTest.runs());
    for (String name : ResultsLayout.TABLE_FILES) {
      // comparisons come from gradus compare, tuning tables only from a tuned suite
      boolean expected =
          !ResultsLayout.COMPARISON_TABLES.contains(name)
              && !name.equals(ResultsLayout.TUNING_CSV)
              && !name.equals(ResultsLayout.TUNING_MD);
      assertEquals(expected, Files.isRegularFile(layout.table(name)), name);
    }
    // no traces, so no runtimes: those pairs are untested, and nothing is marked for them
    String csv = Files.readString(layout.table(ResultsLayout.SIGNIFICANCE_CSV));
    assertTrue(
        csv.contains(",runtime_to_target,1.0E-8,gd lr=1e-4,0,gd lr=0.01,1,0,0,,,,,,,\n"), csv);
    assertTrue(csv.contains(",final_gap,,gd lr=0.01,1,adam lr=0.01,2,5,5,3.0,0.3,25.0,"), csv);
  }

  @Test
  void textIsEscapedForEachFormat() {
    assertEquals("a\\_b \\& 100\\% \\#1", TableText.latex("a_b & 100% #1"));
    assertEquals("a \\| b \\*c\\*", TableText.markdown("a | b *c*"));
    assertEquals("&lt;b&gt; &amp; &quot;q&quot;", TableText.html("<b> & \"q\""));
    assertEquals("0.00794", TableText.significant(2 / 252.0));
    assertEquals("1.23e-7", TableText.significant(1.234567e-7));
    assertEquals("812", TableText.significant(812.4));
    assertEquals(Double.toString(2 / 252.0), TableText.full(2 / 252.0));
  }
}
