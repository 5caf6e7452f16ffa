package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.Checkpoint;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunResult;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.StateSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints written by earlier versions (format 1: no random stream; 2: a stream, no counts to
 * the target) still read, and a run continues from them as from a current one. The files are
 * written here field by field as those versions wrote them.
 */
class OldCheckpointFormatsTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: old-checkpoints
      seed: 5
      budget: {max_iterations: 60}
      output: {checkpoint_every: 20}
      functions:
        - {name: rosenbrock, dim: 3}
      optimizers:
        - {name: adam, lr: 0.01}
      """;

  private static void array(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeLong(Double.doubleToRawLongBits(v));
    }
  }

  /** {@code c} as format {@code version} (1 or 2) wrote it, checksum included. */
  private static byte[] old(Checkpoint c, int version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CRC32 crc = new CRC32();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(bytes, crc));
    out.writeLong(0x4752414455534350L);
    out.writeInt(version);
    out.writeUTF(c.runId());
    out.writeUTF(c.suiteSha256());
    out.writeLong(c.iteration());
    array(out, c.x());
    array(out, c.xStart());
    StateSnapshot s = c.optimizer();
    out.writeUTF(s.optimizerId());
    out.writeInt(s.dimension());
    out.writeInt(s.arrays().size());
    for (Map.Entry<String, double[]> e : s.arrays().entrySet()) {
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
    out.writeDouble(c.stepNorm());
    out.writeDouble(c.lastLr());
    out.writeLong(c.elapsedNanos());
    if (version == 2) {
      out.writeBoolean(false); // no stream: a deterministic objective
    }
    out.flush();
    new DataOutputStream(bytes).writeLong(crc.getValue());
    return bytes.toByteArray();
  }

  @Test
  void formatsOneAndTwoReadAndResume() throws IOException {
    Plan plan = TestSuites.plan(SUITE);
    RunSpec spec = plan.runs().get(0);
    ResultsLayout layout = new ResultsLayout(dir);
    CheckpointFiles files = new CheckpointFiles(layout, null);
    RunEngine engine = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    RunResult whole = new RunEngine(plan.rules()).run(spec, new RunListener() {});
    engine.run(
        spec,
        new RunListener() {
          @Override
          public void iteration(RunInfo run, Iteration r) {
            if (r.iteration() > 45) {
              throw new IllegalStateException("killed");
            }
          }
        });
    Checkpoint current = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
    assertEquals(40, current.iteration());
    for (int version : new int[] {1, 2}) {
      Files.write(layout.checkpoint(spec.runId()), old(current, version));
      Checkpoint read = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      assertEquals(40, read.iteration(), "format " + version);
      assertArrayEquals(current.x(), read.x(), 0.0);
      assertNull(read.stream());
      assertNull(read.sampling());
      assertEquals(-1, read.evaluationsToTarget());
      assertEquals(Double.NaN, read.secondsToTarget());
      RunResult resumed = engine.run(spec, new RunListener() {}, read, null);
      assertEquals(
          RunRecords.toJson(RunResults.of(whole).timeless().resumedFrom(null).build()),
          RunRecords.toJson(RunResults.of(resumed).timeless().resumedFrom(null).build()),
          "format " + version);
    }
  }
}
