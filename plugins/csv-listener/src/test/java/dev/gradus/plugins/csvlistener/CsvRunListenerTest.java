package dev.gradus.plugins.csvlistener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener driven as the runner drives it: runs on several threads at once. */
class CsvRunListenerTest {
  private static final int RUNS = 12;
  private static final int THREADS = 4;

  @TempDir Path results;

  static RunInfo run(int index) {
    return new RunInfo(
        String.format("run-%03d", index), "branin", "branin", "lion", "lion lr=0.01", index, index);
  }

  /** The rows run {@code index} reports: f and ‖∇f‖ are made from the run and iteration. */
  static double f(int index, long iteration) {
    return index + 1.0 / (iteration + 1);
  }

  static double gradNorm(int index, long iteration) {
    return 0.5 * index / (iteration + 2);
  }

  static long iterations(int index) {
    return 50 + 7L * index;
  }

  @Test
  void concurrentRunsEachGetTheirOwnFileAndTheIndexListsThemAll() throws Exception {
    CsvRunListener listener = new CsvRunListener();
    SuiteInfo suite = new SuiteInfo("concurrent", results, RUNS, RUNS);
    listener.suiteStarted(suite);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch allStarted = new CountDownLatch(THREADS);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  // every thread has a run open before any writes, so writes interleave
                  boolean first = true;
                  for (int index = thread; index < RUNS; index += THREADS) {
                    RunInfo info = run(index);
                    listener.runStarted(info);
                    if (first) {
                      allStarted.countDown();
                      allStarted.await();
                      first = false;
                    }
                    for (long it = 0; it <= iterations(index); it++) {
                      listener.iteration(
                          info, it, f(index, it), Double.NaN, gradNorm(index, it), 0.1, 0.01);
                    }
                    listener.runFinished(
                        info,
                        new RunOutcome(
                            index % 3 == 0 ? "converged" : "budget_exhausted",
                            iterations(index),
                            iterations(index) + 1,
                            f(index, iterations(index)),
                            f(index, iterations(index)),
                            Double.NaN,
                            5,
                            null));
                  }
                  return null;
                }));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      pool.shutdown();
    }
    listener.suiteFinished(suite);

    Path folder = results.resolve("csv-listener");
    for (int index = 0; index < RUNS; index++) {
      List<String> lines = read(folder.resolve(run(index).runId() + ".csv"));
      assertEquals("iteration,f,grad_norm", lines.get(0));
      assertEquals(iterations(index) + 2, lines.size(), "header and one row per iteration");
      for (int row = 1; row < lines.size(); row++) {
        String[] fields = lines.get(row).split(",");
        long it = row - 1;
        assertEquals(3, fields.length, lines.get(row));
        assertEquals(it, Long.parseLong(fields[0]));
        assertEquals(f(index, it), Double.parseDouble(fields[1]), 0.0);
        assertEquals(gradNorm(index, it), Double.parseDouble(fields[2]), 0.0);
      }
    }

    List<String> index = read(folder.resolve("index.csv"));
    assertEquals("run_id,status,iterations,f_final", index.get(0));
    assertEquals(RUNS + 1, index.size());
    for (int i = 0; i < RUNS; i++) {
      String[] fields = index.get(i + 1).split(",");
      assertEquals(run(i).runId(), fields[0], "sorted by run id");
      assertEquals(i % 3 == 0 ? "converged" : "budget_exhausted", fields[1]);
      assertEquals(iterations(i), Long.parseLong(fields[2]));
      assertEquals(f(i, iterations(i)), Double.parseDouble(fields[3]), 0.0);
    }
  }

  @Test
  void aResumedSuiteKeepsTheEarlierRowsOfTheIndex() throws IOException {
    CsvRunListener first = new CsvRunListener();
    SuiteInfo suite = new SuiteInfo("resumed", results, 2, 2);
    first.suiteStarted(suite);
    finish(first, run(0), "failed", 3, 9.5);
    finish(first, run(1), "failed", 4, 8.5);
    first.suiteFinished(suite);

    CsvRunListener second = new CsvRunListener(); // a new invocation, with --resume
    SuiteInfo resumed = new SuiteInfo("resumed", results, 3, 2);
    second.suiteStarted(resumed);
    finish(second, run(2), "converged", 10, 0.25);
    finish(second, run(1), "converged", 12, 0.5);
    second.suiteFinished(resumed);

    assertEquals(
        List.of(
            "run_id,status,iterations,f_final",
            "run-000,failed,3,9.5",
            "run-001,converged,12,0.5",
            "run-002,converged,10,0.25"),
        read(results.resolve("csv-listener").resolve("index.csv")));
  }

  @Test
  void fieldsWithCommasAreQuoted() throws IOException {
    CsvRunListener listener = new CsvRunListener();
    SuiteInfo suite = new SuiteInfo("quoted", results, 1, 1);
    listener.suiteStarted(suite);
    finish(listener, run(0), "odd, \"status\"", 1, 1.0);
    listener.suiteFinished(suite);
    assertEquals(
        "run-000,\"odd, \"\"status\"\"\",1,1.0",
        read(results.resolve("csv-listener").resolve("index.csv")).get(1));
  }

  @Test
  void misuseFailsWithAClearMessage() {
    CsvRunListener listener = new CsvRunListener();
    IllegalStateException early =
        assertThrows(IllegalStateException.class, () -> listener.runStarted(run(0)));
    assertTrue(early.getMessage().contains("suiteStarted"), early.getMessage());
    listener.suiteStarted(new SuiteInfo("misuse", results, 1, 1));
    IllegalStateException unknown =
        assertThrows(
            IllegalStateException.class, () -> listener.iteration(run(5), 0, 1, 0, 1, 0, 0.1));
    assertTrue(unknown.getMessage().contains("run-005"), unknown.getMessage());
    RunInfo escaping = new RunInfo("../outside", "f", "f", "o", "o", 0, 0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> listener.runStarted(escaping));
    assertTrue(e.getMessage().contains("../outside"), e.getMessage());
  }

  private static void finish(
      CsvRunListener listener, RunInfo info, String status, long iterations, double f) {
    listener.runStarted(info);
    listener.iteration(info, 0, f, Double.NaN, 1, 0, 0.1);
    listener.runFinished(
        info, new RunOutcome(status, iterations, iterations, f, f, Double.NaN, 1, null));
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
