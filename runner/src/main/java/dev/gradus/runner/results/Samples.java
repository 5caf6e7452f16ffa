package dev.gradus.runner.results;

import dev.gradus.runner.analysis.Ert;
import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What the tests and tables compare of one (function configuration, optimizer configuration): the
 * final gaps f_final − f* of its converged and budget-exhausted runs that end inside the domain,
 * and, for each run whose trace knows f*, the evaluations until f − f* ≤ target first held inside
 * the domain ({@code +∞} if never) and the evaluations it made.
 *
 * @param label how tables name the optimizer configuration (its label, or {@code FOLDER/label} in a
 *     comparison)
 * @param runs every recorded run, whatever its status
 * @param finalGaps not null; empty when the function has no known minimum
 * @param toTarget one entry per run with a trace that knows f*; not null
 */
public record Samples(
    int functionIndex,
    String function,
    int optimizerIndex,
    String optimizer,
    String label,
    int runs,
    double[] finalGaps,
    Ert.Run[] toTarget) {

  /** The suite's target when it has none of its own: COCO's last, f − f* ≤ 10⁻⁸. */
  public static final double DEFAULT_TARGET = 1e-8;

  /**
   * The samples of {@code runs}, one per (function index, optimizer index), in the order first
   * seen.
   *
   * @param traceOf a run's trace by run id, or null when it has none
   * @param target the f − f* that counts as reached, &gt; 0
   */
  public static List<Samples> of(
      List<RunResult> runs, Function<String, ResultsFolder.Trace> traceOf, double target) {
    List<Samples> out = new ArrayList<>();
    for (List<RunResult> group : Configurations.of(runs)) {
      List<Ert.Run> hits = new ArrayList<>();
      for (RunResult r : group) {
        ResultsFolder.Trace trace = traceOf.apply(r.runId());
        if (trace == null || !trace.hasGap()) {
          continue;
        }
        double hit = ErtTable.firstHit(trace, target);
        hits.add(new Ert.Run(hit, Math.max(r.evaluations(), Double.isFinite(hit) ? hit : 0)));
      }
      RunResult head = group.get(0);
      out.add(
          new Samples(
              head.functionIndex(),
              head.functionLabel(),
              head.optimizerIndex(),
              head.optimizer(),
              head.optimizerLabel(),
              group.size(),
              finalGaps(group),
              hits.toArray(new Ert.Run[0])));
    }
    return out;
  }

  /** The final gaps that count as results: converged and budget-exhausted runs in the domain. */
  public static double[] finalGaps(List<RunResult> group) {
    return group.stream()
        .filter(
            r ->
                r.isOutcomeWithValues()
                    && !Boolean.FALSE.equals(r.xFinalInDomain())
                    && r.finalGap() != null)
        .mapToDouble(RunResult::finalGap)
        .toArray();
  }

  /**
   * These samples filed under another function configuration and label, as a comparison of folders
   * puts one folder's configurations beside another's.
   */
  public Samples relabelled(int newFunctionIndex, String newFunction, String newLabel) {
    return new Samples(
        newFunctionIndex,
        newFunction,
        optimizerIndex,
        optimizer,
        newLabel,
        runs,
        finalGaps,
        toTarget);
  }

  /** The share of runs with a trace that reached the target; NaN without such runs. */
  public double successRate() {
    return toTarget.length == 0 ? Double.NaN : successes() / (double) toTarget.length;
  }

  /** The evaluations to target of each run with a trace ({@code +∞}: not reached). */
  public double[] runtimes() {
    return Arrays.stream(toTarget).mapToDouble(Ert.Run::evaluationsToTarget).toArray();
  }

  /** The runs that reached the target. */
  public int successes() {
    return (int)
        Arrays.stream(toTarget).filter(r -> Double.isFinite(r.evaluationsToTarget())).count();
  }

  /** The aRT to the target; NaN without traces that know f*, {@code +∞} without a success. */
  public double art() {
    return Ert.of(toTarget);
  }

  /** The median final gap; NaN without final gaps. */
  public double medianGap() {
    return median(finalGaps);
  }

  /** The median evaluations to target ({@code +∞} when half the runs or more never reached it). */
  public double medianRuntime() {
    return median(runtimes());
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return Quantiles.ofSorted(sorted, 0.5);
  }
}
