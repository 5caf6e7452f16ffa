package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.scale.Merger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Arbitrary content for what {@code --resume} and {@code merge} read: single {@code runs.jsonl}
 * lines, and results folders with arbitrary {@code runs.jsonl} and {@code plan.json}. The only
 * allowed failures are {@link IllegalArgumentException} and {@link UncheckedIOException} with a
 * message.
 */
class ResultsFuzzTest {
  /** A results file holds one line per run; a few dozen lines exercise everything. */
  private static final int MAX_BYTES = 16_000;

  /** A plan of the three runs in the seed files, used when an input brings no plan of its own. */
  private static final String PLAN =
      """
      {"suite": "quickstart",
       "suite_sha256": "ce472245c0723638d16294718bf61d9d55a509b08592594a33bd82b7be1c0f08",
       "shard": null,
       "runs": ["f0-rosenbrock_o0-gd_r0", "f0-rosenbrock_o0-gd_r1", "f1-beale_o3-adam_r2"],
       "selected": ["f0-rosenbrock_o0-gd_r0", "f0-rosenbrock_o0-gd_r1", "f1-beale_o3-adam_r2"]}
      """;

  private static final Path FOLDER;

  static {
    // Torn and unreadable lines are logged as warnings; at fuzzing speed that is only noise.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ResultsStore.class))
        .setLevel(Level.ERROR);
    try {
      FOLDER = Files.createTempDirectory("gradus-results-fuzz");
      FOLDER.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line read back; a line that reads must write and read back to the same line. */
  @FuzzTest(maxDuration = "3m")
  void runRecord(byte[] input) {
    String line = new String(input, 0, Math.min(input.length, MAX_BYTES), StandardCharsets.UTF_8);
    RunResult run;
    try {
      run = RunRecords.fromJson(line);
    } catch (IllegalArgumentException e) {
      requireMessage(e);
      return;
    }
    String written = RunRecords.toJson(run);
    String again = RunRecords.toJson(RunRecords.fromJson(written));
    assertEquals(written, again);
  }

  /**
   * A results folder: the input up to its first NUL byte is {@code plan.json} when it has one
   * (otherwise {@link #PLAN}), the rest is {@code runs.jsonl}. Checked as {@code merge --dry-run}
   * and then as {@code run --resume} opens it.
   */
  @FuzzTest(maxDuration = "3m")
  void resultsFolder(byte[] input) throws IOException {
    byte[] bytes = Arrays.copyOf(input, Math.min(input.length, MAX_BYTES));
    int nul = indexOf(bytes, (byte) 0);
    byte[] plan = nul < 0 ? PLAN.getBytes(StandardCharsets.UTF_8) : Arrays.copyOf(bytes, nul);
    byte[] runs = nul < 0 ? bytes : Arrays.copyOfRange(bytes, nul + 1, bytes.length);
    Path runsFile = FOLDER.resolve(ResultsStore.FILE);
    Files.write(FOLDER.resolve(PlanFile.FILE), plan);
    Files.write(runsFile, runs);

    try {
      List<String> lines = ResultsStore.completeLines(runsFile);
      lines.forEach(line -> assertFalse(line.isBlank()));
    } catch (UncheckedIOException e) {
      requireMessage(e);
    }
    try {
      Merger.Outcome outcome = new Merger().inspect(List.of(FOLDER));
      assertEquals(outcome.planned().size(), outcome.merged() + outcome.missing().size());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      requireMessage(e);
    }
    try (ResultsStore store = ResultsStore.open(FOLDER, true, Map.of())) {
      List<RunResult> existing = store.existing();
      assertNotNull(existing);
      // What was kept must be exactly what the repaired file now holds.
      assertEquals(existing.size(), ResultsStore.completeLines(runsFile).size());
      assertTrue(existing.stream().allMatch(r -> r.runId() != null));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      requireMessage(e);
    }
  }

  private static void requireMessage(RuntimeException e) {
    assertNotNull(e.getMessage(), () -> "no message: " + e);
    assertFalse(e.getMessage().isBlank(), () -> "blank message: " + e);
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
