package dev.gradus.runner.results;

import dev.gradus.runner.run.ResultsWriteException;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code traces/<run_id>.csv} for every run, one row per recorded iteration with the columns
 * of {@link #HEADER}: row t's {@code lr} is the rate of the step that produced x_t (empty at
 * iteration 0), {@code seconds} the wall time since the run started. A value that is not finite, or
 * does not apply (f_gap without a known minimum), is an empty cell.
 *
 * <p>A run's rows come from one thread at a time. A write that fails throws {@link
 * ResultsWriteException}, which stops the suite. A run continued from a checkpoint at iteration t
 * keeps the rows before t and appends from there ({@link #resumeAt}). When a run finishes its trace
 * is gzipped to {@code traces/<run_id>.csv.gz} (written whole, then moved into place, then the
 * plain file removed; a kill in between leaves one complete file or both, and readers take the
 * gzipped one): a trace compresses to about a third, and finished traces are never appended to.
 */
public final class TraceWriter implements RunListener {
  public static final String HEADER =
      "iteration,evaluations,seconds,f,f_gap,grad_norm,step_norm,lr,in_domain";

  /** The columns a trace of a run with held-out metrics adds to {@link #HEADER}. */
  public static final String HELD_OUT_COLUMNS = "train_loss,test_loss,test_accuracy";

  /**
   * The header of a run whose objective holds data out: its rows at the held-out interval have the
   * metrics, the others empty cells.
   */
  public static final String HEADER_WITH_HELD_OUT = HEADER + "," + HELD_OUT_COLUMNS;

  private final ResultsLayout layout;
  private final Map<String, BufferedWriter> open = new ConcurrentHashMap<>();
  private final Map<String, Long> resumeAt = new ConcurrentHashMap<>();

  /**
   * Each open trace's columns: with held-out metrics or without; absent while a fresh trace waits
   * for its first row, which decides (a run with held-out data has them at iteration 0).
   */
  private final Map<String, Boolean> withHeldOut = new ConcurrentHashMap<>();

  public TraceWriter(ResultsLayout layout) {
    this.layout = layout;
  }

  /** The next {@link #runStarted} of {@code runId} keeps its trace's rows before {@code t}. */
  public void resumeAt(String runId, long t) {
    resumeAt.put(runId, t);
  }

  @Override
  public void runStarted(RunInfo run) {
    Path file = layout.trace(run.runId());
    try {
      Files.createDirectories(file.getParent());
      Long from = resumeAt.remove(run.runId());
      Path finished = layout.finishedTrace(run.runId());
      if (from != null && !Files.isRegularFile(file) && Files.isRegularFile(finished)) {
        Files.write(file, uncompressed(finished));
      }
      // a run started again (its record lost to a kill) writes its trace anew
      Files.deleteIfExists(finished);
      BufferedWriter writer;
      withHeldOut.remove(run.runId());
      if (from != null && Files.isRegularFile(file)) {
        String kept = rowsBefore(file, from);
        withHeldOut.put(run.runId(), kept.startsWith(HEADER_WITH_HELD_OUT + "\n"));
        Files.writeString(file, kept, StandardCharsets.UTF_8);
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } else {
        // the header waits for the first row, which says whether the run has held-out metrics
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      }
      open.put(run.runId(), writer);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }

  /** The header and the complete rows of {@code file} whose iteration is below {@code t}. */
  private static String rowsBefore(Path file, long t) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1); // after the last newline: empty, or a torn row
    String header =
        !lines.isEmpty() && lines.get(0).equals(HEADER_WITH_HELD_OUT)
            ? HEADER_WITH_HELD_OUT
            : HEADER;
    StringBuilder kept = new StringBuilder(header).append('\n');
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int comma = line.indexOf(',');
      if (comma > 0 && Long.parseLong(line.substring(0, comma)) < t) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  @Override
  public void iteration(RunInfo run, Iteration row) {
    BufferedWriter writer = open.get(run.runId());
    if (writer == null) {
      return;
    }
    try {
      Boolean heldOut = withHeldOut.get(run.runId());
      if (heldOut == null) {
        heldOut = row.hasHeldOut();
        withHeldOut.put(run.runId(), heldOut);
        writer.write(heldOut ? HEADER_WITH_HELD_OUT : HEADER);
        writer.write('\n');
      }
      writer.write(heldOut ? rowWithHeldOut(row) : row(row));
    } catch (IOException e) {
      throw new ResultsWriteException(layout.trace(run.runId()), e);
    }
  }

  /** Writes the header of a trace that got no row, so that every trace file has one. */
  private void headIfEmpty(String runId, BufferedWriter writer) throws IOException {
    if (withHeldOut.remove(runId) == null) {
      writer.write(HEADER);
      writer.write('\n');
    }
  }

  /** Pushes the rows written so far to the file, before a checkpoint that relies on them. */
  public void flush(String runId) {
    BufferedWriter writer = open.get(runId);
    if (writer != null) {
      try {
        writer.flush();
      } catch (IOException e) {
        throw new ResultsWriteException(layout.trace(runId), e);
      }
    }
  }

  /** One line of a trace with held-out columns, newline included. */
  public static String rowWithHeldOut(Iteration r) {
    String plain = row(r);
    return plain.substring(0, plain.length() - 1)
        + ","
        + cell(r.trainLoss())
        + ","
        + cell(r.testLoss())
        + ","
        + cell(r.testAccuracy())
        + "\n";
  }

  /** One trace line, newline included. */
  public static String row(Iteration r) {
    return r.iteration()
        + ","
        + r.evaluations()
        + ","
        + cell(r.seconds())
        + ","
        + cell(r.f())
        + ","
        + cell(r.gap())
        + ","
        + cell(r.gradNorm())
        + ","
        + cell(r.stepNorm())
        + ","
        + cell(r.lr())
        + ","
        + r.inDomain()
        + "\n";
  }

  private static String cell(double v) {
    return Csv.finite(v);
  }

  /**
   * Flushes and closes the traces of runs still open (those of a suite that stopped), keeping their
   * rows; called once the executor has returned.
   */
  public void closeAll() {
    for (String runId : List.copyOf(open.keySet())) {
      BufferedWriter writer = open.remove(runId);
      if (writer != null) {
        try {
          headIfEmpty(runId, writer);
          writer.close();
        } catch (IOException e) {
          // the suite is stopping already for a reason of its own; this one is secondary
        }
      }
    }
  }

  @Override
  public void runFinished(RunInfo run, RunOutcome outcome) {
    BufferedWriter writer = open.remove(run.runId());
    if (writer != null) {
      Path file = layout.trace(run.runId());
      try {
        headIfEmpty(run.runId(), writer);
        writer.close();
        compress(file, layout.finishedTrace(run.runId()));
      } catch (IOException e) {
        throw new ResultsWriteException(file, e);
      }
    }
  }

  private static void compress(Path plain, Path gzipped) throws IOException {
    TextFiles.writeWhole(
        gzipped,
        out -> {
          java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out, 1 << 16);
          Files.copy(plain, z);
          z.finish();
        });
    Files.delete(plain);
  }

  private static byte[] uncompressed(Path gzipped) throws IOException {
    try (java.io.InputStream in =
        new java.util.zip.GZIPInputStream(Files.newInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }
}
