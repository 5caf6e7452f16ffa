package dev.gradus.runner.results;

import dev.gradus.runner.run.ResultsWriteException;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
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
 * Writes {@code traces/<run_id>.csv.gz} for every run, one row per recorded iteration with the
 * columns of {@link #HEADER}: row t's {@code lr} is the rate of the step that produced x_t (empty
 * at iteration 0), {@code seconds} the wall time since its first iteration began. A value that is
 * not finite, or does not apply (f_gap without a known minimum), is an empty cell.
 *
 * <p>A run's rows come from one thread at a time and are kept in memory until the run finishes,
 * when they are gzipped to {@code traces/<run_id>.csv.gz} (written whole, then moved into place):
 * one file made per run, where writing a plain {@code traces/<run_id>.csv} as it goes and
 * compressing it at the end made two and removed one, and on ext4 that inode churn cost more than
 * the runs of a suite of short runs. The plain file exists only where its rows must be on disk
 * before the run ends: up to a checkpoint ({@link #flush}), once a run's rows pass {@link
 * #SPILL_CHARS} (so that a long trace is not held in memory), and for the runs still open when a
 * suite stops ({@link #closeAll}). A finished run's plain file is removed after its gzipped trace
 * is in place; a kill in between leaves one complete file or both, and readers take the gzipped
 * one. A run killed before it finishes has no record and is run again (from its checkpoint, whose
 * rows are on disk, or whole).
 *
 * <p>A write that fails throws {@link ResultsWriteException}, which stops the suite. A run
 * continued from a checkpoint at iteration t keeps the rows before t and appends from there ({@link
 * #resumeAt}).
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

  /**
   * The columns the traces of a suite that tracks sharpness ({@code output.sharpness_every}) end
   * with: the Hessian's largest eigenvalue at the row's point and its residual bound, at the rows
   * where it was measured, empty cells at the others.
   */
  public static final String SHARPNESS_COLUMNS = "sharpness,sharpness_bound";

  /** Every header a trace of this Gradus may have. */
  public static final List<String> HEADERS =
      List.of(HEADER, HEADER_WITH_HELD_OUT, header(false, true), header(true, true));

  /** The header of a trace with or without the held-out and the sharpness columns. */
  public static String header(boolean heldOut, boolean sharpness) {
    return (heldOut ? HEADER_WITH_HELD_OUT : HEADER) + (sharpness ? "," + SHARPNESS_COLUMNS : "");
  }

  /** Rows held in memory beyond this many characters go to the plain file. */
  static final int SPILL_CHARS = 1 << 20;

  private final ResultsLayout layout;
  private final boolean sharpness;
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final Map<String, Long> resumeAt = new ConcurrentHashMap<>();
  private volatile boolean folderMade;

  /** A run's trace in progress. */
  private static final class Open {
    /** Rows not yet in the plain file (the header among them while the file does not exist). */
    final StringBuilder pending = new StringBuilder(4096);

    /**
     * With held-out metrics or without; null while a fresh trace waits for its first row, which
     * decides (a run with held-out data has them at iteration 0).
     */
    Boolean heldOut;

    /** Whether the plain file holds this run's rows before {@link #pending}. */
    boolean onDisk;

    /**
     * The columns a report reads, as {@link ResultsFolder#readTrace} would read them back; null for
     * a run continued from a checkpoint, whose earlier rows are only on disk.
     */
    Columns columns;
  }

  /** Growing columns of one trace. */
  private static final class Columns {
    double[] iteration = new double[64];
    double[] evaluations = new double[64];
    double[] f = new double[64];
    double[] gap = new double[64];
    boolean[] inDomain = new boolean[64];

    /** lr and the sharpness columns, for a trace that has them; null otherwise. */
    double[] lr;

    double[] sharpness;
    double[] sharpnessBound;
    int rows;

    Columns(boolean withSharpness) {
      if (withSharpness) {
        lr = new double[64];
        sharpness = new double[64];
        sharpnessBound = new double[64];
      }
    }

    void add(Iteration row) {
      if (rows == iteration.length) {
        int grown = rows * 2;
        iteration = java.util.Arrays.copyOf(iteration, grown);
        evaluations = java.util.Arrays.copyOf(evaluations, grown);
        f = java.util.Arrays.copyOf(f, grown);
        gap = java.util.Arrays.copyOf(gap, grown);
        inDomain = java.util.Arrays.copyOf(inDomain, grown);
        if (lr != null) {
          lr = java.util.Arrays.copyOf(lr, grown);
          sharpness = java.util.Arrays.copyOf(sharpness, grown);
          sharpnessBound = java.util.Arrays.copyOf(sharpnessBound, grown);
        }
      }
      if (lr != null) {
        lr[rows] = readBack(row.lr());
        sharpness[rows] = readBack(row.sharpness());
        sharpnessBound[rows] = readBack(row.sharpnessBound());
      }
      iteration[rows] = row.iteration();
      evaluations[rows] = row.evaluations();
      // an empty cell reads back as NaN; a finite number as itself (the shortest decimal that
      // parses back to it)
      f[rows] = readBack(row.f());
      gap[rows] = readBack(row.gap());
      inDomain[rows] = row.inDomain();
      rows++;
    }

    private static double readBack(double v) {
      return Double.isFinite(v) ? v : Double.NaN;
    }

    ResultsFolder.Trace trace() {
      double[] none = new double[0];
      return new ResultsFolder.Trace(
          java.util.Arrays.copyOf(iteration, rows),
          java.util.Arrays.copyOf(evaluations, rows),
          java.util.Arrays.copyOf(f, rows),
          java.util.Arrays.copyOf(gap, rows),
          java.util.Arrays.copyOf(inDomain, rows),
          lr == null ? none : java.util.Arrays.copyOf(lr, rows),
          lr == null ? none : java.util.Arrays.copyOf(sharpness, rows),
          lr == null ? none : java.util.Arrays.copyOf(sharpnessBound, rows));
    }
  }

  /** The finished traces of this writer's runs as a report reads them, by run id. */
  private final Map<String, ResultsFolder.Trace> finished = new ConcurrentHashMap<>();

  /**
   * The traces of the runs this writer finished, as {@link ResultsFolder#readTrace} reads them from
   * their files (bit for bit), so that the tables after a suite need not read back what was just
   * written; a run continued from a checkpoint is not among them.
   */
  public Map<String, ResultsFolder.Trace> finishedTraces() {
    return java.util.Collections.unmodifiableMap(finished);
  }

  /** A writer of traces without sharpness columns. */
  public TraceWriter(ResultsLayout layout) {
    this(layout, false);
  }

  /**
   * @param sharpness whether every trace has the {@link #SHARPNESS_COLUMNS} (a suite that tracks
   *     sharpness)
   */
  public TraceWriter(ResultsLayout layout, boolean sharpness) {
    this.layout = layout;
    this.sharpness = sharpness;
  }

  /** The next {@link #runStarted} of {@code runId} keeps its trace's rows before {@code t}. */
  public void resumeAt(String runId, long t) {
    resumeAt.put(runId, t);
  }

  @Override
  public void runStarted(RunInfo run) {
    Path file = layout.trace(run.runId());
    try {
      if (!folderMade) {
        Files.createDirectories(file.getParent());
        folderMade = true;
      }
      Long from = resumeAt.remove(run.runId());
      Path finished = layout.finishedTrace(run.runId());
      Open trace = new Open();
      trace.columns = new Columns(sharpness);
      if (from != null) {
        String kept =
            Files.isRegularFile(file)
                ? rowsBefore(Files.readString(file, StandardCharsets.UTF_8), from)
                : Files.isRegularFile(finished)
                    ? rowsBefore(new String(uncompressed(finished), StandardCharsets.UTF_8), from)
                    : null;
        if (kept != null) {
          trace.heldOut = kept.startsWith(HEADER_WITH_HELD_OUT);
          trace.pending.append(kept);
          trace.columns = null;
        }
      }
      // a run started again (its record lost to a kill) writes its trace anew
      Files.deleteIfExists(finished);
      open.put(run.runId(), trace);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }

  /**
   * The header and the complete rows of a trace's {@code text} whose iteration is below {@code t}.
   */
  private static String rowsBefore(String text, long t) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1); // after the last newline: empty, or a torn row
    String header = !lines.isEmpty() && HEADERS.contains(lines.get(0)) ? lines.get(0) : HEADER;
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
    Open trace = open.get(run.runId());
    if (trace == null) {
      return;
    }
    if (trace.heldOut == null) {
      trace.heldOut = row.hasHeldOut();
      trace.pending.append(header(trace.heldOut, sharpness)).append('\n');
    }
    trace.pending.append(line(row, trace.heldOut, sharpness));
    if (trace.columns != null) {
      trace.columns.add(row);
    }
    if (trace.pending.length() > SPILL_CHARS) {
      spill(run.runId(), trace);
    }
  }

  /** Gives a trace that got no row its header, so that every trace file has one. */
  private void headIfEmpty(Open trace) {
    if (trace.heldOut == null) {
      trace.heldOut = false;
      trace.pending.append(header(false, sharpness)).append('\n');
    }
  }

  /** Moves a trace's pending rows to the end of its plain file (made with the first). */
  private void spill(String runId, Open trace) {
    Path file = layout.trace(runId);
    try {
      Files.writeString(
          file,
          trace.pending,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          trace.onDisk ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      trace.onDisk = true;
      trace.pending.setLength(0);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }

  /** Puts the rows recorded so far in the plain file, before a checkpoint that relies on them. */
  public void flush(String runId) {
    Open trace = open.get(runId);
    if (trace != null) {
      headIfEmpty(trace);
      spill(runId, trace);
    }
  }

  /** One line of a trace with the columns of {@link #header}, newline included. */
  public static String line(Iteration r, boolean heldOut, boolean sharpness) {
    String plain = heldOut ? rowWithHeldOut(r) : row(r);
    if (!sharpness) {
      return plain;
    }
    return plain.substring(0, plain.length() - 1)
        + ","
        + cell(r.sharpness())
        + ","
        + cell(r.sharpnessBound())
        + "\n";
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
   * Writes the traces of runs still open (those of a suite that stopped) to their plain files,
   * keeping their rows; called once the executor has returned.
   */
  public void closeAll() {
    for (String runId : List.copyOf(open.keySet())) {
      Open trace = open.remove(runId);
      if (trace != null) {
        try {
          headIfEmpty(trace);
          spill(runId, trace);
        } catch (ResultsWriteException e) {
          // the suite is stopping already for a reason of its own; this one is secondary
        }
      }
    }
  }

  @Override
  public void runFinished(RunInfo run, RunOutcome outcome) {
    Open trace = open.remove(run.runId());
    if (trace == null) {
      return;
    }
    headIfEmpty(trace);
    if (trace.onDisk) {
      spill(run.runId(), trace);
    }
    Path file = layout.trace(run.runId());
    try {
      TextFiles.writeWhole(
          layout.finishedTrace(run.runId()),
          out -> {
            java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out, 1 << 16);
            if (trace.onDisk) {
              Files.copy(file, z);
            } else {
              z.write(trace.pending.toString().getBytes(StandardCharsets.UTF_8));
            }
            z.finish();
          },
          false); // not forced: the record that follows it in runs.jsonl is not either
      // also the plain file an earlier, killed attempt at this run may have left
      Files.deleteIfExists(file);
      if (trace.columns != null) {
        finished.put(run.runId(), trace.columns.trace());
      }
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }

  private static byte[] uncompressed(Path gzipped) throws IOException {
    try (java.io.InputStream in =
        new java.util.zip.GZIPInputStream(Files.newInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }
}
