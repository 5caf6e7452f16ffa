package dev.gradus.runner.results;

import dev.gradus.runner.run.Checkpoint;
import dev.gradus.runner.run.ResultsWriteException;
import dev.gradus.spi.StateSnapshot;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * {@code checkpoints/<run_id>.ckpt}: the last checkpoint of each unfinished run, in a small binary
 * format that keeps every double bit for bit (a magic word, a format version, the fields of {@link
 * Checkpoint}, and a CRC-32 of all of it). A checkpoint is written to a temporary file, forced to
 * the disk and moved over the previous one atomically, so that a kill at any moment leaves either
 * the old or the new checkpoint, never a torn one. A finished run's checkpoint is deleted after its
 * record is in {@code runs.jsonl}.
 */
public final class CheckpointFiles implements Checkpoint.Sink {
  private static final long MAGIC = 0x4752414455534350L; // "GRADUSCP"

  /**
   * 2 adds the random stream, 3 the evaluations and seconds to the target, 4 a stochastic
   * objective's sampling state; older files still read (without a stream or sampling state, which
   * their objectives never had, and without those two counts).
   */
  private static final int VERSION = 4;

  private final ResultsLayout layout;
  private final TraceWriter traces;

  /**
   * @param traces flushed before each checkpoint, so that the trace holds every row the checkpoint
   *     has passed
   */
  public CheckpointFiles(ResultsLayout layout, TraceWriter traces) {
    this.layout = layout;
    this.traces = traces;
  }

  @Override
  public void save(Checkpoint c) {
    if (traces != null) {
      traces.flush(c.runId());
    }
    Path file = layout.checkpoint(c.runId());
    TextFiles.writeWhole(
        file,
        raw -> {
          CRC32 crc = new CRC32();
          DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
          write(out, c);
          out.flush();
          new DataOutputStream(raw).writeLong(crc.getValue());
        });
  }

  /** Removes the checkpoint of a run whose record has been written. */
  public void delete(String runId) {
    Path file = layout.checkpoint(runId);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }

  /**
   * The checkpoint of {@code runId}, if the folder has one of this suite.
   *
   * @throws IllegalArgumentException when the file is damaged or belongs to another suite or run
   */
  public Optional<Checkpoint> read(String runId, String suiteSha256) {
    Path file = layout.checkpoint(runId);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long length = Files.size(file);
      CRC32 crc = new CRC32();
      DataInputStream in =
          new DataInputStream(
              new CheckedInputStream(new LimitedStream(raw, length - Long.BYTES), crc));
      Checkpoint c = read(in);
      long expected = new DataInputStream(raw).readLong();
      if (expected != crc.getValue()) {
        throw new IllegalArgumentException(file + " is damaged (checksum differs)");
      }
      if (!c.runId().equals(runId) || !c.suiteSha256().equals(suiteSha256)) {
        throw new IllegalArgumentException(
            file + " is a checkpoint of run " + c.runId() + " of another suite");
      }
      return Optional.of(c);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException known && known.getMessage().startsWith(file + "")) {
        throw known;
      }
      throw new IllegalArgumentException(file + " is damaged: " + e, e);
    }
  }

  private static void write(DataOutputStream out, Checkpoint c) throws IOException {
    out.writeLong(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(c.runId());
    out.writeUTF(c.suiteSha256());
    out.writeLong(c.iteration());
    array(out, c.x());
    array(out, c.xStart());
    StateSnapshot s = c.optimizer();
    out.writeUTF(s.optimizerId());
    out.writeInt(s.dimension());
    Map<String, double[]> arrays = s.arrays();
    out.writeInt(arrays.size());
    for (Map.Entry<String, double[]> e : arrays.entrySet()) {
      out.writeUTF(e.getKey());
      array(out, e.getValue());
    }
    out.writeInt(s.scalars().size());
    for (Map.Entry<String, Double> e : s.scalars().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
    out.writeLong(c.evaluations());
    out.writeDouble(c.fBest());
    out.writeBoolean(c.xBest() != null);
    if (c.xBest() != null) {
      array(out, c.xBest());
    }
    out.writeLong(c.iterationsToTarget());
    out.writeLong(c.evaluationsToTarget());
    out.writeDouble(c.secondsToTarget());
    out.writeDouble(c.stepNorm());
    out.writeDouble(c.lastLr());
    out.writeLong(c.elapsedNanos());
    words(out, c.stream());
    words(out, c.sampling());
  }

  private static Checkpoint read(DataInputStream in) throws IOException {
    if (in.readLong() != MAGIC) {
      throw new IOException("not a Gradus checkpoint");
    }
    int version = in.readInt();
    if (version < 1 || version > VERSION) {
      throw new IOException("checkpoint format " + version + ", this Gradus reads " + VERSION);
    }
    String runId = in.readUTF();
    String suite = in.readUTF();
    long iteration = in.readLong();
    double[] x = array(in);
    double[] xStart = array(in);
    String optimizer = in.readUTF();
    int dimension = in.readInt();
    Map<String, double[]> arrays = new LinkedHashMap<>();
    for (int k = in.readInt(); k > 0; k--) {
      arrays.put(in.readUTF(), array(in));
    }
    Map<String, Double> scalars = new LinkedHashMap<>();
    for (int k = in.readInt(); k > 0; k--) {
      scalars.put(in.readUTF(), in.readDouble());
    }
    long evaluations = in.readLong();
    double fBest = in.readDouble();
    double[] xBest = in.readBoolean() ? array(in) : null;
    long toTarget = in.readLong();
    long evaluationsToTarget = version >= 3 ? in.readLong() : -1;
    double secondsToTarget = version >= 3 ? in.readDouble() : Double.NaN;
    double stepNorm = in.readDouble();
    double lastLr = in.readDouble();
    long elapsed = in.readLong();
    long[] stream = version >= 2 ? words(in, 64) : null;
    long[] sampling = version >= 4 ? words(in, 1 << 28) : null;
    return new Checkpoint(
        runId,
        suite,
        iteration,
        x,
        xStart,
        new StateSnapshot(optimizer, dimension, arrays, scalars),
        evaluations,
        fBest,
        xBest,
        toTarget,
        evaluationsToTarget,
        secondsToTarget,
        stepNorm,
        lastLr,
        elapsed,
        stream,
        sampling);
  }

  /** A nullable array of longs: a flag, then its length and words. */
  private static void words(DataOutputStream out, long[] words) throws IOException {
    out.writeBoolean(words != null);
    if (words != null) {
      out.writeInt(words.length);
      for (long word : words) {
        out.writeLong(word);
      }
    }
  }

  private static long[] words(DataInputStream in, int most) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int n = in.readInt();
    if (n < 0 || n > most) {
      throw new IOException("an array of " + n + " words");
    }
    long[] words = new long[n];
    for (int i = 0; i < n; i++) {
      words[i] = in.readLong();
    }
    return words;
  }

  private static void array(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeLong(Double.doubleToRawLongBits(v));
    }
  }

  private static double[] array(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 28) {
      throw new IOException("array of " + n + " doubles");
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = Double.longBitsToDouble(in.readLong());
    }
    return a;
  }

  /** At most {@code limit} bytes of a stream, leaving the rest (the checksum) unread. */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private long left;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.left = Math.max(0, limit);
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
