package dev.gradus.runner.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.plan.Tuning;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Successive halving and random search pick winners as worked out by hand here. */
class TrialSelectionTest {
  static final String HALVING =
      """
      suite: halving
      budget: {max_iterations: 90}
      tuning: {strategy: halving, trials: 9, eta: 3, seeds: SEEDS}
      functions:
        - {name: sphere, dim: 2}
      optimizers:
        - {name: gd, lr: {log_uniform: [1.0e-4, 1.0e-1]}}
      """;

  /** Results giving trial t of each run the gap {@code gaps[t]} (seed s: gaps[t] + s·spread). */
  private static List<RunResult> results(
      Plan plan, List<RunSpec> runs, Map<Integer, Double> gaps, double spread) {
    List<Tuning.Trial> trials = plan.tuning().trialsByConfig();
    List<RunResult> out = new ArrayList<>();
    for (RunSpec spec : runs) {
      int t = trials.get(spec.optimizer().index()).trial();
      Double gap = gaps.get(t);
      RunResults r =
          RunResults.sample()
              .id(spec.runId())
              .run(spec.function().index(), "sphere", spec.optimizer().index(), "gd")
              .seed(spec.seed(), spec.repeat());
      if (gap == null) {
        r.status(RunStatus.DIVERGED).gaps(null, null);
      } else {
        double g = gap + spec.repeat() * spread;
        r.gaps(g, g);
      }
      out.add(r.build());
    }
    return out;
  }

  private static TreeSet<Integer> trialsOf(Plan plan, List<RunSpec> runs) {
    List<Tuning.Trial> trials = plan.tuning().trialsByConfig();
    TreeSet<Integer> out = new TreeSet<>();
    runs.forEach(r -> out.add(trials.get(r.optimizer().index()).trial()));
    return out;
  }

  @Test
  void halvingKeepsTheBestThirdAtEachRung() {
    Plan plan = TestSuites.plan(HALVING.replace("SEEDS", "1"));
    TrialSelection s = new TrialSelection(plan);
    assertEquals(3, s.rungs());
    List<RunSpec> rung0 = s.runsOf(0);
    assertEquals(9, rung0.size());
    // rung 0: trial 4 diverges; the best three are 3 (1.0), 5 (2.0) and 1 (3.0)
    Map<Integer, Double> gaps0 =
        Map.of(0, 5.0, 1, 3.0, 2, 8.0, 3, 1.0, 5, 2.0, 6, 7.0, 7, 4.0, 8, 6.0);
    List<RunResult> all = new ArrayList<>(results(plan, rung0, gaps0, 0));
    s.finish(0, all);
    List<RunSpec> rung1 = s.runsOf(1);
    assertEquals(new TreeSet<>(List.of(1, 3, 5)), trialsOf(plan, rung1));
    rung1.forEach(r -> assertEquals(30, r.budget().maxIterations()));
    // rung 1: 1 and 5 tie at 0.5; the lower trial number goes on
    all.addAll(results(plan, rung1, Map.of(1, 0.5, 3, 0.7, 5, 0.5), 0));
    s.finish(1, all);
    List<RunSpec> rung2 = s.runsOf(2);
    assertEquals(new TreeSet<>(List.of(1)), trialsOf(plan, rung2));
    assertEquals(90, rung2.get(0).budget().maxIterations());
    all.addAll(results(plan, rung2, Map.of(1, 0.25), 0));
    s.finish(2, all);
    assertEquals(1, s.winners()[0][0]);
    assertEquals(0.25, s.winnerScores()[0][0]);
    // 9 rows at rung 0 (the diverged one without a median), 3 at rung 1, 1 at rung 2
    assertEquals(13, s.rows().size());
    assertEquals(null, s.rows().get(4).median());
  }

  @Test
  void aTrialScoresTheMedianOfItsSeeds() {
    Plan plan =
        TestSuites.plan(
            HALVING
                .replace("halving, trials: 9, eta: 3", "random, trials: 3")
                .replace("SEEDS", "2"));
    TrialSelection s = new TrialSelection(plan);
    List<RunSpec> runs = s.runsOf(0);
    // seeds 0 and 1 give gap and gap + 4: trial 0 (1, 5) → median 3, trial 1 (2, 6) → 4, trial
    // 2 (0, 4) → 2, which wins
    s.finish(0, results(plan, runs, Map.of(0, 1.0, 1, 2.0, 2, 0.0), 4));
    assertEquals(2, s.winners()[0][0]);
    assertEquals(2.0, s.winnerScores()[0][0]);
    assertEquals(
        List.of(3.0, 4.0, 2.0), s.rows().stream().map(TrialSelection.Row::median).toList());
  }

  @Test
  void aMissingResultAndRungsOutOfOrderAreRefused() {
    Plan plan = TestSuites.plan(HALVING.replace("SEEDS", "1"));
    TrialSelection s = new TrialSelection(plan);
    assertThrows(IllegalStateException.class, () -> s.runsOf(1));
    assertThrows(IllegalStateException.class, () -> s.finish(0, List.of()));
    assertThrows(IllegalStateException.class, s::winners);
  }

  @Test
  void medianAndScoresByHand() {
    assertEquals(2.0, TrialSelection.median(List.of(3.0, 1.0)));
    assertEquals(3.0, TrialSelection.median(List.of(3.0, 1.0, 7.0)));
    assertEquals(
        Double.POSITIVE_INFINITY, TrialSelection.median(List.of(1.0, Double.POSITIVE_INFINITY)));
    RunResult none = RunResults.sample().build();
    assertEquals(Double.POSITIVE_INFINITY, TrialSelection.score(Tuning.Metric.TEST_ACCURACY, none));
    RunResult accurate = RunResults.sample().heldOut(Map.of("test_accuracy", 0.9)).build();
    // higher accuracy is better, so it scores its negative
    assertEquals(-0.9, TrialSelection.score(Tuning.Metric.TEST_ACCURACY, accurate));
    RunResult outside = RunResults.sample().gaps(0.0, 0.0).inDomain(false).build();
    assertEquals(Double.POSITIVE_INFINITY, TrialSelection.score(Tuning.Metric.FINAL_GAP, outside));
  }
}
