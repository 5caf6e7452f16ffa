package dev.gradus.runner.results;

import dev.gradus.runner.analysis.Ert;
import dev.gradus.runner.analysis.Targets;
import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tables/ert.csv}: the average runtime (aRT, in evaluations) of each (function
 * configuration, optimizer configuration) to each target f − f* ≤ 10², 10^1.8, …, 10⁻⁸ (COCO's
 * ladder), with the successes, the runs and a 95% percentile bootstrap interval (1,000 resamples,
 * seeded by the configuration indices, so the table is the same on every machine). A run reaches a
 * target at the first trace row inside the domain whose gap is at or below it; functions without a
 * known minimum have no rows.
 */
public final class ErtTable {
  static final int RESAMPLES = 1000;
  static final double LEVEL = 0.95;

  public static final String HEADER =
      "function_index,optimizer_index,function,optimizer,target,runs,successes,art,art_low,art_high";

  private ErtTable() {}

  public static void write(ResultsLayout layout, List<RunResult> runs) {
    Map<Long, List<RunResult>> groups = new LinkedHashMap<>();
    for (RunResult r : runs) {
      groups
          .computeIfAbsent(
              ((long) r.functionIndex() << 32) | r.optimizerIndex(), k -> new ArrayList<>())
          .add(r);
    }
    double[] targets = Targets.coco();
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (List<RunResult> group : groups.values()) {
      List<double[]> hits = new ArrayList<>();
      List<Double> totals = new ArrayList<>();
      for (RunResult r : group) {
        ResultsFolder.Trace trace = trace(layout, r);
        if (trace == null || !trace.hasGap()) {
          continue;
        }
        double[] first = new double[targets.length];
        for (int k = 0; k < targets.length; k++) {
          first[k] = firstHit(trace, targets[k]);
        }
        hits.add(first);
        totals.add((double) r.evaluations());
      }
      if (hits.isEmpty()) {
        continue;
      }
      RunResult head = group.get(0);
      for (int k = 0; k < targets.length; k++) {
        Ert.Run[] sample = new Ert.Run[hits.size()];
        int successes = 0;
        for (int i = 0; i < sample.length; i++) {
          double hit = Math.min(hits.get(i)[k], Double.POSITIVE_INFINITY);
          sample[i] = new Ert.Run(hit, Math.max(totals.get(i), Double.isFinite(hit) ? hit : 0));
          successes += Double.isFinite(hit) ? 1 : 0;
        }
        long seed = (((long) head.functionIndex() << 32) | head.optimizerIndex()) * 1_000_003L + k;
        double[] ci = Ert.bootstrap(sample, RESAMPLES, LEVEL, seed);
        out.append(head.functionIndex())
            .append(',')
            .append(head.optimizerIndex())
            .append(',')
            .append(Csv.cell(head.functionLabel()))
            .append(',')
            .append(Csv.cell(head.optimizerLabel()))
            .append(',')
            .append(
                dev.gradus.runner.plan.Labels.number(
                    Double.parseDouble(String.format(Locale.ROOT, "%.4g", targets[k]))))
            .append(',')
            .append(sample.length)
            .append(',')
            .append(successes)
            .append(',')
            .append(cell(Ert.of(sample)))
            .append(',')
            .append(cell(ci[0]))
            .append(',')
            .append(cell(ci[1]))
            .append('\n');
      }
    }
    TextFiles.writeWhole(layout.ertCsv(), out);
  }

  /** "inf" for an unreached target, as pandas and DuckDB read it; the number otherwise. */
  private static String cell(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return Double.isInfinite(v) ? "inf" : Double.toString(v);
  }

  private static ResultsFolder.Trace trace(ResultsLayout layout, RunResult r) {
    Path file = layout.existingTrace(r.runId());
    if (file == null) {
      return null;
    }
    try {
      return ResultsFolder.readTrace(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The evaluations at the first row inside the domain with gap ≤ target, or +∞. */
  static double firstHit(ResultsFolder.Trace trace, double target) {
    for (int k = 0; k < trace.gap().length; k++) {
      if (trace.inDomain()[k] && trace.gap()[k] <= target) {
        return trace.evaluations()[k];
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
