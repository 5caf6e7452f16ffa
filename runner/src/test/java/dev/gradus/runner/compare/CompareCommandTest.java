package dev.gradus.runner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestCli;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.ResultsLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradus compare} end to end: two tiny suites run into two folders, then compared. */
class CompareCommandTest {
  @TempDir Path dir;
  Path a;
  Path b;

  /** Random starts, so that repeats differ and the rank-sum tests have something to rank. */
  static final String SUITE =
      "suite: %s\nrepeats: 5\nbudget: {max_iterations: %d}\n"
          + "functions: [{name: sphere, dim: %d, start: random}, {name: %s, start: random}]\n"
          + "optimizers: [{name: gd, lr: [%s]}]\n";

  static String suite(String name, int iterations, int dim, String second, String lrs) {
    return String.format(java.util.Locale.ROOT, SUITE, name, iterations, dim, second, lrs);
  }

  @BeforeEach
  void twoFolders() {
    a = dir.resolve("baseline");
    // a folder name with the characters Markdown, LaTeX and HTML must escape
    b = dir.resolve("new_1%#&<x>");
    TestSuites.run(suite("one", 40, 2, "rosenbrock", "0.1, 0.001"), a, 1);
    TestSuites.run(suite("two", 40, 2, "rosenbrock", "0.1, 0.3"), b, 1);
  }

  @Test
  void sameLabelledConfigurationsOfTwoFoldersStayApart() throws IOException {
    Map<String, String> before = snapshot(a);
    before.putAll(snapshot(b));
    Path out = dir.resolve("cmp");
    Path md = dir.resolve("cmp.md");
    TestCli.Result r =
        TestCli.run(
            "compare",
            a.toString(),
            b.toString(),
            "--out",
            out.toString(),
            "--markdown",
            md.toString(),
            "--latex",
            dir.resolve("cmp.tex").toString());
    assertEquals(0, r.code(), r.text());
    // gd lr=0.1 is in both suites: two rows, one per folder, on each function
    for (String label : List.of("baseline/gd lr=0.1", "new_1%#&<x>/gd lr=0.1")) {
      assertEquals(2, count(r.out(), label + " "), label + " on both functions:\n" + r.out());
    }
    assertTrue(r.out().contains("baseline/gd lr=0.001"), r.out());
    assertTrue(r.out().contains("new_1%#&<x>/gd lr=0.3"), r.out());
    // lr = 0.001 barely moves in 40 iterations: it ranks last on the sphere, significantly worse
    // than the best (5 runs each, all separated: exact p = 2/252, Holm times at most 3)
    List<String> sphere =
        ResultsFolder.csvCells(
            Files.readAllLines(out.resolve("tables/comparison.csv")).stream()
                .filter(l -> l.startsWith("sphere dim=2 start=random,4,"))
                .findFirst()
                .orElseThrow());
    assertEquals("baseline/gd lr=0.001", sphere.get(2));
    assertEquals("true", sphere.get(12), "worse than the best");
    assertTrue(Double.parseDouble(sphere.get(11)) <= 3 * 2 / 252.0 + 1e-12, sphere.toString());
    // every table of a comparison folder, and the page, with suite-derived text escaped
    ResultsLayout layout = new ResultsLayout(out);
    for (String name :
        List.of(
            ResultsLayout.COMPARISON_CSV,
            ResultsLayout.COMPARISON_MD,
            ResultsLayout.COMPARISON_TEX,
            ResultsLayout.SIGNIFICANCE_CSV,
            ResultsLayout.SIGNIFICANCE_MD,
            ResultsLayout.SIGNIFICANCE_TEX)) {
      assertTrue(Files.isRegularFile(layout.table(name)), name);
    }
    String html = Files.readString(layout.compareReport());
    assertTrue(html.contains("new_1%#&amp;&lt;x&gt;/gd lr=0.1"), html);
    assertFalse(html.contains("<x>"), "no unescaped suite text in the page");
    String tex = Files.readString(dir.resolve("cmp.tex"));
    assertTrue(tex.contains("new\\_1\\%\\#\\&<x>/gd lr=0.1"), tex);
    assertTrue(tex.contains("\\toprule") && tex.contains("\\bottomrule"), tex);
    assertTrue(tex.contains("\\textbf{"), "the best in bold: " + tex);
    assertTrue(Files.readString(md).contains("new\\_1%#&\\<x\\>/gd lr=0.1"));
    // 4 configurations per function: C(4, 2) = 6 pairs, two lines each, on two functions
    assertEquals(
        1 + 2 * 6 * 2, Files.readAllLines(layout.table(ResultsLayout.SIGNIFICANCE_CSV)).size());
    Map<String, String> after = snapshot(a);
    after.putAll(snapshot(b));
    assertEquals(before, after, "the compared folders are untouched");
  }

  @Test
  void refusesFoldersWhoseSameNamedFunctionsDiffer() {
    Path c = dir.resolve("wider");
    TestSuites.run(suite("three", 40, 3, "rosenbrock", "0.1"), c, 1);
    TestCli.Result r = TestCli.run("compare", a.toString(), c.toString());
    assertEquals(2, r.code(), r.text());
    assertTrue(r.err().contains(a.toString()) && r.err().contains(c.toString()), r.err());
    assertTrue(r.err().contains("'sphere' has dim 2 in baseline but 3 in wider"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertEquals("", r.out());
  }

  @Test
  void refusesADifferentBudget() {
    Path c = dir.resolve("longer");
    TestSuites.run(suite("four", 50, 2, "rosenbrock", "0.1"), c, 1);
    TestCli.Result r = TestCli.run("compare", a.toString(), c.toString());
    assertEquals(2, r.code(), r.text());
    assertTrue(r.err().contains("budget.max_iterations 40 in baseline but 50 in longer"), r.err());
  }

  @Test
  void comparesOnlyTheSharedFunctionsAndRefusesWhenThereAreNone() {
    Path c = dir.resolve("other");
    // shares the sphere, not the second function
    TestSuites.run(suite("five", 40, 2, "booth", "0.1"), c, 1);
    TestCli.Result shared = TestCli.run("compare", a.toString(), c.toString());
    assertEquals(0, shared.code(), shared.text());
    assertTrue(shared.out().contains("sphere dim=2 start=random"), shared.out());
    assertFalse(shared.out().contains("rosenbrock"), shared.out());
    Path d = dir.resolve("disjoint");
    TestSuites.run(
        "suite: six\nrepeats: 1\nbudget: {max_iterations: 5}\n"
            + "functions: [{name: booth}]\noptimizers: [{name: gd}]\n",
        d,
        1);
    TestCli.Result none = TestCli.run("compare", a.toString(), d.toString());
    assertEquals(2, none.code(), none.text());
    assertTrue(none.err().contains("share no function configuration"), none.err());
  }

  @Test
  void refusesANonEmptyOutAndAnInputAsOut() throws IOException {
    Path out = dir.resolve("taken");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    TestCli.Result taken =
        TestCli.run("compare", a.toString(), b.toString(), "--out", out.toString());
    assertEquals(2, taken.code(), taken.text());
    assertTrue(taken.err().contains("not empty"), taken.err());
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    assertEquals(1, Files.list(out).count(), "nothing added");
    Map<String, String> before = snapshot(a);
    for (String target : List.of(a.toString(), a.resolve("sub").toString())) {
      TestCli.Result into = TestCli.run("compare", a.toString(), b.toString(), "--out", target);
      assertEquals(2, into.code(), into.text());
      assertTrue(into.err().contains("compared folder"), into.err());
    }
    TestCli.Result md =
        TestCli.run(
            "compare", a.toString(), b.toString(), "--markdown", a.resolve("x.md").toString());
    assertEquals(2, md.code(), md.text());
    assertEquals(before, snapshot(a));
    TestCli.Result empty = TestCli.run("compare", a.toString(), dir.resolve("nothing").toString());
    assertEquals(1, empty.code(), empty.text());
    assertTrue(empty.err().contains("nothing"), empty.err());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Every file under {@code root} with its size and modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.toList()) {
        m.put(
            f.toString(),
            Files.isDirectory(f) ? "dir" : Files.size(f) + "@" + Files.getLastModifiedTime(f));
      }
    }
    return m;
  }
}
