package dev.gradus.runner.tuning;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.plan.Tuning;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.spi.HeldOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which trials of a tuned suite run, rung by rung, and which win: a pure function of the trials'
 * plan and the results of the rungs so far, so that a resumed suite, or one on another thread
 * count, picks the same winners.
 *
 * <p>Every trial of every (function, unit) runs at rung 0. A trial's score is the median, over its
 * seeds, of the function's metric; a run that diverged, failed, or ended outside the domain, or
 * whose metric is missing, scores worst. Successive halving keeps the ⌊n / eta⌋ best (at least one)
 * for the next rung; ties go to the lower trial number. The best of the last rung wins. Grid and
 * random search have one rung.
 *
 * <p>Call order: for each rung k from 0, {@link #runsOf}(k), run them, then {@link #finish}(k, all
 * results so far); then {@link #winners}.
 */
public final class TrialSelection {
  private final Plan trials;
  private final Tuning tuning;
  private final List<Tuning.Trial> byConfig;

  /** alive[f][u]: the trials of unit u on function f still in the race, in increasing order. */
  private final int[][][] alive;

  private final List<Row> rows = new ArrayList<>();
  private int finished = 0;

  /**
   * One trial's score at one rung.
   *
   * @param function the function index
   * @param unit the unit index
   * @param trial the trial number
   * @param rung the rung
   * @param steps the rung's budget, in iterations or epochs
   * @param metric the metric's id
   * @param median the median of the metric over the trial's seeds (null when none is finite)
   * @param kept whether the trial goes on to the next rung or, at the last, won
   */
  public record Row(
      int function,
      int unit,
      int trial,
      int rung,
      long steps,
      String metric,
      Double median,
      boolean kept) {}

  public TrialSelection(Plan trials) {
    if (trials.phase() != Plan.Phase.TUNING) {
      throw new IllegalArgumentException("not the trials of a tuned suite");
    }
    this.trials = trials;
    this.tuning = trials.tuning();
    this.byConfig = tuning.trialsByConfig();
    int functions = trials.functions().size();
    alive = new int[functions][tuning.units().size()][];
    for (int f = 0; f < functions; f++) {
      for (Tuning.Unit u : tuning.units()) {
        int[] all = new int[u.configs().length];
        Arrays.setAll(all, t -> t);
        alive[f][u.index()] = all;
      }
    }
  }

  public int rungs() {
    return tuning.rungs();
  }

  /** The runs of rung {@code k}: every seed of every trial still in the race. */
  public List<RunSpec> runsOf(int k) {
    if (k != finished) {
      throw new IllegalStateException(
          "rung " + k + " asked for before rung " + finished + " ended");
    }
    List<RunSpec> out = new ArrayList<>();
    for (RunSpec spec : trials.runs()) {
      Tuning.Trial t = byConfig.get(spec.optimizer().index());
      if (t.rung() == k
          && Arrays.binarySearch(alive[spec.function().index()][t.unit()], t.trial()) >= 0) {
        out.add(spec);
      }
    }
    return out;
  }

  /**
   * Scores rung {@code k} from {@code results} (which may hold other rungs' too) and keeps the
   * best.
   *
   * @throws IllegalStateException when a run of the rung has no result
   */
  public void finish(int k, Collection<RunResult> results) {
    Map<String, RunResult> byId = new HashMap<>();
    results.forEach(r -> byId.put(r.runId(), r));
    Map<Long, List<Double>> scores = new HashMap<>();
    for (RunSpec spec : runsOf(k)) {
      RunResult r = byId.get(spec.runId());
      if (r == null) {
        throw new IllegalStateException("tuning run " + spec.runId() + " has no result");
      }
      Tuning.Trial t = byConfig.get(spec.optimizer().index());
      Tuning.Metric metric = tuning.metrics().get(spec.function().index());
      scores
          .computeIfAbsent(
              key(spec.function().index(), t.unit(), t.trial()), x -> new ArrayList<>())
          .add(score(metric, r));
    }
    boolean last = k == tuning.rungs() - 1;
    for (int f = 0; f < alive.length; f++) {
      Tuning.Metric metric = tuning.metrics().get(f);
      for (Tuning.Unit u : tuning.units()) {
        int[] racing = alive[f][u.index()];
        double[] medians = new double[racing.length];
        for (int i = 0; i < racing.length; i++) {
          medians[i] = median(scores.get(key(f, u.index(), racing[i])));
        }
        Integer[] order = new Integer[racing.length];
        Arrays.setAll(order, i -> i);
        // a stable sort on the score alone: ties keep the lower trial number first
        Arrays.sort(order, (a, b) -> Double.compare(medians[a], medians[b]));
        int keep = last ? 1 : Math.max(1, racing.length / tuning.eta());
        boolean[] kept = new boolean[racing.length];
        for (int i = 0; i < keep; i++) {
          kept[order[i]] = true;
        }
        int[] next = new int[keep];
        int n = 0;
        for (int i = 0; i < racing.length; i++) {
          double m = medians[i];
          rows.add(
              new Row(
                  f,
                  u.index(),
                  racing[i],
                  k,
                  u.rungSteps()[k],
                  metric.id(),
                  Double.isFinite(m) ? (metric.higherIsBetter() ? -m : m) : null,
                  kept[i]));
          if (kept[i]) {
            next[n++] = racing[i];
          }
        }
        alive[f][u.index()] = next;
      }
    }
    finished = k + 1;
  }

  /** The winning trial of unit u on function f, {@code winners()[f][u]}, once every rung ended. */
  public int[][] winners() {
    if (finished != tuning.rungs()) {
      throw new IllegalStateException(
          "winners asked for after " + finished + " of " + tuning.rungs() + " rungs");
    }
    int[][] out = new int[alive.length][tuning.units().size()];
    for (int f = 0; f < alive.length; f++) {
      for (int u = 0; u < out[f].length; u++) {
        out[f][u] = alive[f][u][0];
      }
    }
    return out;
  }

  /** Each winner's median metric at the last rung, {@code [f][u]}; null where none was finite. */
  public Double[][] winnerScores() {
    int[][] winners = winners();
    Double[][] out = new Double[winners.length][];
    for (int f = 0; f < winners.length; f++) {
      out[f] = new Double[winners[f].length];
    }
    for (Row r : rows) {
      if (r.rung() == tuning.rungs() - 1 && r.kept()) {
        out[r.function()][r.unit()] = r.median();
      }
    }
    return out;
  }

  /** The evaluation's plan, once every rung ended. */
  public Plan evaluation() {
    return tuning.evaluation(trials, winners(), winnerScores());
  }

  /** Every trial's score at every rung it ran, in the order they were scored. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  private long key(int f, int unit, int trial) {
    return ((long) f * tuning.units().size() + unit) * 1_000_003L + trial;
  }

  /** The run's metric, oriented so that lower is better; +∞ for a run that says nothing good. */
  static double score(Tuning.Metric metric, RunResult r) {
    if (r.status() == RunStatus.FAILED
        || r.status() == RunStatus.DIVERGED
        || Boolean.FALSE.equals(r.xFinalInDomain())) {
      return Double.POSITIVE_INFINITY;
    }
    Double v =
        switch (metric) {
          case FINAL_GAP -> r.finalGap();
          case F -> r.fFinal();
          case TEST_ACCURACY -> r.heldOut() == null ? null : r.heldOut().get(HeldOut.TEST_ACCURACY);
          case TEST_LOSS -> r.heldOut() == null ? null : r.heldOut().get(HeldOut.TEST_LOSS);
        };
    if (v == null || !Double.isFinite(v)) {
      return Double.POSITIVE_INFINITY;
    }
    return metric.higherIsBetter() ? -v : v;
  }

  /** The median; the mean of the middle two of an even count; +∞ for none. */
  static double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    if (n % 2 == 1) {
      return v[n / 2];
    }
    double a = v[n / 2 - 1];
    double b = v[n / 2];
    return a == b ? a : a / 2 + b / 2;
  }
}
