package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaderboard on runs whose numbers make the ranks and the p-values easy to work by hand. */
class LeaderboardTest {
  @TempDir Path dir;

  private static void add(
      List<RunResult> runs, int optimizer, String name, String label, double... gaps) {
    for (int r = 0; r < gaps.length; r++) {
      runs.add(
          RunResults.sample()
              .seed(1, r)
              .run(0, "sphere", optimizer, name)
              .labels("sphere", label)
              .gaps(gaps[r], gaps[r])
              .counts(10, 100)
              .build());
    }
  }

  static List<RunResult> runs() {
    List<RunResult> runs = new ArrayList<>();
    add(runs, 0, "gd", "gd lr=1e-4", 10, 11, 12, 13, 14);
    add(runs, 1, "gd", "gd lr=0.01", 1, 2, 3, 4, 5);
    add(runs, 2, "adam", "adam lr=0.01", 0.1, 0.2, 0.3, 0.4, 0.5);
    for (int r = 0; r < 5; r++) {
      runs.add(
          RunResults.sample()
              .seed(1, r)
              .run(0, "sphere", 3, "lbfgs")
              .status(RunStatus.DIVERGED)
              .build());
    }
    return runs;
  }

  @Test
  void eachOptimizersBestConfigurationIsRankedAndComparedWithTheWinner() {
    List<Leaderboard.Entry> board = Leaderboard.of(runs());
    assertEquals(3, board.size(), "one line per optimizer");
    assertEquals("adam", board.get(0).optimizer());
    assertEquals(0.3, board.get(0).finalGapMedian(), 1e-15);
    Leaderboard.Entry gd = board.get(1);
    assertEquals("gd", gd.optimizer());
    assertEquals(1, gd.optimizerIndex(), "gd's better configuration stands for it");
    // every adam gap is below every gd gap: U = 0, exact p = 2 / C(10, 5) = 2/252; one test
    assertEquals(2 / 252.0, gd.pVersusBest(), 1e-15);
    assertEquals(2 / 252.0, gd.pHolm(), 1e-15);
    assertTrue(gd.worse());
    Leaderboard.Entry lbfgs = board.get(2);
    assertEquals("lbfgs", lbfgs.optimizer());
    assertTrue(Double.isNaN(lbfgs.finalGapMedian()), "no result ranks last");
    assertFalse(lbfgs.worse(), "nothing to test: not marked");
    assertTrue(Double.isNaN(lbfgs.finalGapLow()), "no gaps, no interval");
  }

  @Test
  void theTablesAreWrittenForPapers() throws Exception {
    ResultsLayout layout = new ResultsLayout(dir);
    Leaderboard.write(layout, runs());
    String tex = Files.readString(layout.tables().resolve("leaderboard.tex"));
    assertTrue(tex.contains("\\toprule") && tex.contains("\\bottomrule"), tex);
    assertTrue(tex.contains("1 & \\textbf{adam} & adam lr=0.01 & \\textbf{0.3}"), tex);
    assertTrue(tex.contains("2 & gd & gd lr=0.01 & 3 & ["), tex);
    assertTrue(tex.contains("] & 100 & 0.00794$^\\dagger$"), tex);
    String md = Files.readString(layout.tables().resolve("leaderboard.md"));
    assertTrue(md.contains("| 1 | **adam** | adam lr=0.01 | 0.3 | ["), md);
    List<String> csv = Files.readAllLines(layout.tables().resolve("leaderboard.csv"));
    assertEquals(4, csv.size());
    assertTrue(csv.get(2).startsWith("0,sphere,2,gd,1,gd lr=0.01,5,3.0,100.0,"), csv.get(2));
    assertEquals("a\\_b \\& 100\\%", Leaderboard.latex("a_b & 100%"));
    // the median's bootstrap interval: within the sample's range, around the median
    List<String> gd = ResultsFolder.csvCells(csv.get(2));
    double low = Double.parseDouble(gd.get(12));
    double high = Double.parseDouble(gd.get(13));
    assertTrue(1 <= low && low <= 3 && 3 <= high && high <= 5, low + " " + high);
  }
}
