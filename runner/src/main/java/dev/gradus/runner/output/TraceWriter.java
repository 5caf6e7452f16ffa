package dev.gradus.runner.output;

import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code traces/<run_id>.csv} for every run: iteration, f, f_gap, grad_norm, step_norm, lr.
 * A run's rows come from the one thread that executes it.
 */
public final class TraceWriter implements RunListener {
  public static final String HEADER = "iteration,f,f_gap,grad_norm,step_norm,lr";
  private final Path dir;
  private final Map<String, BufferedWriter> open = new ConcurrentHashMap<>();

  public TraceWriter(Path resultsDir) {
    this.dir = resultsDir.resolve("traces");
  }

  @Override
  public void runStarted(RunInfo run) {
    try {
      Files.createDirectories(dir);
      BufferedWriter writer =
          Files.newBufferedWriter(dir.resolve(run.runId() + ".csv"), StandardCharsets.UTF_8);
      writer.write(HEADER);
      writer.write('\n');
      open.put(run.runId(), writer);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write trace of " + run.runId() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void iteration(
      RunInfo run,
      long iteration,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr) {
    BufferedWriter writer = open.get(run.runId());
    if (writer == null) {
      return;
    }
    try {
      writer.write(row(iteration, f, gap, gradNorm, stepNorm, lr));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write trace of " + run.runId() + ": " + e.getMessage(), e);
    }
  }

  /** One trace line, newline included; every trace, local or remote, is written with it. */
  public static String row(
      long iteration, double f, double gap, double gradNorm, double stepNorm, double lr) {
    return iteration
        + ","
        + f
        + ","
        + (Double.isNaN(gap) ? "" : Double.toString(gap))
        + ","
        + gradNorm
        + ","
        + stepNorm
        + ","
        + lr
        + "\n";
  }

  @Override
  public void runFinished(RunInfo run, RunOutcome outcome) {
    BufferedWriter writer = open.remove(run.runId());
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close trace of " + run.runId(), e);
      }
    }
  }
}
