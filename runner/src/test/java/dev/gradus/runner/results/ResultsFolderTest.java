package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder read back for the report: damage is named, never skipped, but for a torn end.
 */
class ResultsFolderTest {
  @TempDir Path dir;

  private void run() {
    TestSuites.run(
        "suite: r\nrepeats: 3\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\n"
            + "optimizers: [{name: gd}]\n",
        dir,
        1);
  }

  @Test
  void aDamagedRecordBeforeTheLastIsNamedWithItsLine() throws Exception {
    run();
    Path runs = dir.resolve("runs.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(runs));
    lines.set(1, "garbage");
    Files.write(runs, lines);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultsFolder.read(dir));
    assertTrue(e.getMessage().contains(runs + ":2:"), e.getMessage());
  }

  @Test
  void aDamagedTraceRowIsNamedWithItsFileAndLineAndATornLastRowIsLeftOut() throws Exception {
    run();
    Path trace = new ResultsLayout(dir).trace("f0-sphere_o0-gd_r0");
    List<String> rows =
        new ArrayList<>(dev.gradus.runner.TestSuites.traceLines(dir, "f0-sphere_o0-gd_r0"));
    String torn = rows.get(rows.size() - 1).substring(0, 5);
    rows.set(rows.size() - 1, torn);
    Files.write(trace, rows);
    assertEquals(rows.size() - 2, ResultsFolder.readTrace(trace).iteration().length);
    rows.set(2, "1,garbage,0,0,0,0,0,0,true");
    Files.write(trace, rows);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultsFolder.readTrace(trace));
    assertTrue(e.getMessage().contains(trace + ":3: damaged trace row"), e.getMessage());
  }
}
