package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a trace's rows are while its run runs, and that the finished trace has them all. */
class TraceWriterTest {
  private static final RunInfo RUN =
      new RunInfo("f0-sphere_o0-gd_r0", "sphere", "", "gd", "", 0, 1);

  private static Iteration row(long t) {
    return new Iteration(t, t + 1, t / 1000.0, 1.0 / (t + 1), 0.5 / (t + 1), 2.0, 0.1, 0.01, true);
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String expected(long rows) {
    StringBuilder text = new StringBuilder(TraceWriter.HEADER).append('\n');
    for (long t = 0; t < rows; t++) {
      text.append(TraceWriter.row(row(t)));
    }
    return text.toString();
  }

  @Test
  void aShortTraceMakesOneFileWhenItsRunFinishes(@TempDir Path dir) throws IOException {
    ResultsLayout layout = new ResultsLayout(dir);
    TraceWriter traces = new TraceWriter(layout);
    traces.runStarted(RUN);
    for (long t = 0; t < 50; t++) {
      traces.iteration(RUN, row(t));
    }
    assertFalse(Files.exists(layout.trace(RUN.runId())), "no plain file while the run runs");
    assertFalse(Files.exists(layout.finishedTrace(RUN.runId())));
    traces.runFinished(RUN, null);
    assertEquals(expected(50), gunzip(layout.finishedTrace(RUN.runId())));
    try (var files = Files.list(layout.traces())) {
      assertEquals(List.of(layout.finishedTrace(RUN.runId())), files.toList());
    }
  }

  @Test
  void aLongTraceGoesToThePlainFileAsItGrows(@TempDir Path dir) throws IOException {
    ResultsLayout layout = new ResultsLayout(dir);
    TraceWriter traces = new TraceWriter(layout);
    traces.runStarted(RUN);
    long rows = 0;
    while (!Files.exists(layout.trace(RUN.runId()))) {
      traces.iteration(RUN, row(rows++));
    }
    long spilled = Files.size(layout.trace(RUN.runId()));
    assertTrue(spilled > TraceWriter.SPILL_CHARS, "spilled " + spilled);
    for (int i = 0; i < 10; i++) {
      traces.iteration(RUN, row(rows++));
    }
    assertEquals(spilled, Files.size(layout.trace(RUN.runId())), "the next rows wait in memory");
    traces.runFinished(RUN, null);
    assertEquals(expected(rows), gunzip(layout.finishedTrace(RUN.runId())));
    assertFalse(Files.exists(layout.trace(RUN.runId())), "the plain file is removed");
  }

  @Test
  void flushPutsTheRowsOnDiskBeforeACheckpointAndResumingKeepsThoseBefore(@TempDir Path dir)
      throws IOException {
    ResultsLayout layout = new ResultsLayout(dir);
    TraceWriter traces = new TraceWriter(layout);
    traces.runStarted(RUN);
    for (long t = 0; t < 5; t++) {
      traces.iteration(RUN, row(t));
    }
    traces.flush(RUN.runId());
    assertEquals(expected(5), Files.readString(layout.trace(RUN.runId()), StandardCharsets.UTF_8));
    traces.iteration(RUN, row(5));
    traces.iteration(RUN, row(6));
    traces.flush(RUN.runId());
    assertEquals(expected(7), Files.readString(layout.trace(RUN.runId()), StandardCharsets.UTF_8));
    // a suite stopped with the run open keeps its rows in the plain file
    traces.iteration(RUN, row(7));
    traces.closeAll();
    assertEquals(expected(8), Files.readString(layout.trace(RUN.runId()), StandardCharsets.UTF_8));
    // continued from a checkpoint at iteration 4: rows 0..3 are kept, then the run's own
    TraceWriter again = new TraceWriter(layout);
    again.resumeAt(RUN.runId(), 4);
    again.runStarted(RUN);
    List<Long> next = new ArrayList<>(List.of(4L, 5L, 6L, 7L, 8L, 9L));
    for (long t : next) {
      again.iteration(RUN, row(t));
    }
    again.runFinished(RUN, null);
    assertEquals(expected(10), gunzip(layout.finishedTrace(RUN.runId())));
    assertFalse(Files.exists(layout.trace(RUN.runId())));
  }

  @Test
  void theTracesKeptInMemoryAreWhatReadingTheFilesGivesBitForBit(@TempDir Path dir)
      throws IOException {
    ResultsLayout layout = new ResultsLayout(dir);
    TraceWriter traces = new TraceWriter(layout);
    double[] awkward = {
      1.0 / 3,
      -0.0,
      0.0,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      1e300,
      -1e-300,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.1 + 0.2,
      123456789.123456789
    };
    traces.runStarted(RUN);
    java.util.Random random = new java.util.Random(7);
    for (int t = 0; t < 20_000; t++) { // past the columns' first growth and the spill to disk
      double f = t < awkward.length ? awkward[t] : random.nextGaussian() * Math.pow(10, t % 40);
      double gap = t < awkward.length ? awkward[awkward.length - 1 - t] : f - 1e-3;
      traces.iteration(
          RUN, new Iteration(t, 2L * t + 1, t * 1e-4, f, gap, Math.abs(f), 0.5, 0.01, t % 3 != 0));
    }
    assertTrue(Files.exists(layout.trace(RUN.runId())), "spilled to the plain file");
    traces.runFinished(RUN, null);
    ResultsFolder.Trace kept = traces.finishedTraces().get(RUN.runId());
    ResultsFolder.Trace read = ResultsFolder.readTrace(layout.finishedTrace(RUN.runId()));
    assertEquals(20_000, kept.iteration().length);
    assertFalse(Files.exists(layout.trace(RUN.runId())), "spilled, then removed");
    for (int k = 0; k < 20_000; k++) {
      String at = "row " + k;
      assertEquals(read.iteration()[k], kept.iteration()[k], at);
      assertEquals(read.evaluations()[k], kept.evaluations()[k], at);
      assertEquals(
          Double.doubleToRawLongBits(read.f()[k]), Double.doubleToRawLongBits(kept.f()[k]), at);
      assertEquals(
          Double.doubleToRawLongBits(read.gap()[k]), Double.doubleToRawLongBits(kept.gap()[k]), at);
      assertEquals(read.inDomain()[k], kept.inDomain()[k], at);
    }
  }

  @Test
  void aRunContinuedFromACheckpointIsReadFromItsFile(@TempDir Path dir) {
    ResultsLayout layout = new ResultsLayout(dir);
    TraceWriter traces = new TraceWriter(layout);
    traces.runStarted(RUN);
    traces.iteration(RUN, row(0));
    traces.flush(RUN.runId());
    TraceWriter again = new TraceWriter(layout);
    again.resumeAt(RUN.runId(), 1);
    again.runStarted(RUN);
    again.iteration(RUN, row(1));
    again.runFinished(RUN, null);
    assertFalse(again.finishedTraces().containsKey(RUN.runId()), "its first rows are on disk only");
  }

  @Test
  void aRunWithoutRowsStillGetsAHeader(@TempDir Path dir) throws IOException {
    ResultsLayout layout = new ResultsLayout(dir);
    TraceWriter traces = new TraceWriter(layout);
    traces.runStarted(RUN);
    traces.runFinished(RUN, null);
    assertEquals(TraceWriter.HEADER + "\n", gunzip(layout.finishedTrace(RUN.runId())));
  }
}
