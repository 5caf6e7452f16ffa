package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.CheckpointFiles;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code param_groups} from YAML to results: planned with the provider's own checks and errors at
 * their place, recorded in the hyperparameters and labels, and run (and resumed) with each block's
 * own values.
 */
class ParamGroupsRunTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: groups
      seed: 3
      budget: {max_iterations: 60}
      output: {checkpoint_every: 20}
      functions:
        - name: mlp
          data: {dataset: digits, test_fraction: 0.9}
          hidden: [6]
          batch_size: 16
      optimizers:
        - {name: adamw, lr: 0.01, weight_decay: 0.5}
        - {name: adamw, lr: 0.01, weight_decay: 0.5, param_groups: [{blocks: "b*", weight_decay: 0}]}
        - name: adamw
          lr: 0.01
          weight_decay: 0.5
          schedule: {cosine: {t_max: 60}}
          clip_grad_norm: 1.0
          param_groups: [{blocks: W2, lr: 0.05}, {blocks: "b?", weight_decay: 0.5}]
      """;

  private static String error(String yaml) {
    return assertThrows(SuiteException.class, () -> TestSuites.plan(yaml)).getMessage();
  }

  /** Every trace row; throws (as a kill would) past {@code stopAfter}. */
  private static final class Rows implements RunListener {
    final List<String> rows = new ArrayList<>();
    final long stopAfter;

    Rows(long stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void iteration(RunInfo run, Iteration r) {
      if (r.iteration() > stopAfter) {
        throw new IllegalStateException("killed");
      }
      rows.add(r.iteration() + " " + r.f() + " " + r.gradNorm() + " " + r.lr());
    }
  }

  @Test
  void groupsAreRecordedAndTellConfigurationsApart() {
    Plan plan = TestSuites.plan(SUITE);
    assertEquals(3, plan.optimizers().size());
    List<String> labels = plan.optimizers().stream().map(o -> o.label()).toList();
    assertEquals(3, labels.stream().distinct().count(), labels.toString());
    assertTrue(labels.get(0).contains("param_groups=none"), labels.toString());
    assertTrue(labels.get(1).contains("param_groups=[(blocks=b*,weight_decay=0)]"), labels.get(1));
    assertEquals(
        List.of(Map.of("blocks", "b*", "weight_decay", 0.0)),
        plan.optimizers().get(1).hyperparameters().get("param_groups"));
    assertEquals(
        List.of(Map.of("blocks", "W2", "lr", 0.05), Map.of("blocks", "b?", "weight_decay", 0.5)),
        plan.optimizers().get(2).hyperparameters().get("param_groups"));
    assertEquals(0.5, plan.optimizers().get(1).hyperparameters().get("weight_decay"));
  }

  @Test
  void aGroupThatRepeatsTheEntrysValuesRunsAsTheUngroupedEntry() {
    Plan plan =
        TestSuites.plan(SUITE.replace("{blocks: \"b*\", weight_decay: 0}", "{blocks: \"b*\"}"));
    RunEngine engine = new RunEngine(plan.rules());
    Rows flat = new Rows(Long.MAX_VALUE);
    Rows grouped = new Rows(Long.MAX_VALUE);
    engine.run(plan.runs().get(0), flat);
    engine.run(plan.runs().get(1), grouped);
    assertEquals(flat.rows, grouped.rows);
    Rows noDecay = new Rows(Long.MAX_VALUE);
    engine.run(TestSuites.plan(SUITE).runs().get(1), noDecay);
    assertEquals(flat.rows.get(0), noDecay.rows.get(0), "the same start");
    assertNotEquals(flat.rows.get(59), noDecay.rows.get(59), "but undecayed biases");
  }

  @Test
  void groupedRunsContinueFromACheckpointBitForBit() {
    Plan plan = TestSuites.plan(SUITE);
    CheckpointFiles files = new CheckpointFiles(new ResultsLayout(dir), null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    for (RunSpec spec : plan.runs().subList(1, 3)) {
      Rows whole = new Rows(Long.MAX_VALUE);
      RunResult expected = new RunEngine(plan.rules()).run(spec, whole);
      checkpointing.run(spec, new Rows(50));
      Checkpoint checkpoint = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      assertEquals(40, checkpoint.iteration(), spec.runId());
      assertTrue(
          checkpoint.optimizer().arrays().keySet().stream()
              .anyMatch(k -> k.startsWith("inner.group0.")),
          checkpoint.optimizer().arrays().keySet().toString());
      Rows rest = new Rows(Long.MAX_VALUE);
      RunResult resumed = checkpointing.run(spec, rest, checkpoint, null);
      assertEquals(whole.rows.subList(40, whole.rows.size()), rest.rows, spec.runId());
      assertEquals(
          RunRecords.toJson(RunResults.of(expected).timeless().resumedFrom(null).build()),
          RunRecords.toJson(RunResults.of(resumed).timeless().resumedFrom(null).build()),
          spec.runId());
    }
  }

  @Test
  void aPatternThatMatchesNoBlockIsAnErrorAtItsPlaceListingTheBlocks() {
    String message = error(SUITE.replace("{blocks: \"b*\", weight_decay: 0}", "{blocks: bias}"));
    assertTrue(message.startsWith("suite.yaml:12:72: "), message);
    assertTrue(
        message.contains("param_groups[0]: parameter group pattern 'bias' matches no block")
            && message.contains("W1 [64, 6], b1 [6], W2 [6, 10], b2 [10]")
            && message.contains("function 'mlp"),
        message);
  }

  @Test
  void aBlockInTwoGroupsIsAnErrorNamingBoth() {
    String message = error(SUITE.replace("{blocks: \"b?\"", "{blocks: \"*2\""));
    assertTrue(message.startsWith("suite.yaml:18:"), message);
    assertTrue(message.contains("'W2' (group 0) and '*2' (group 1)"), message);
  }

  @Test
  void groupValuesMeetTheProvidersOwnChecks() {
    String negative = error(SUITE.replace("weight_decay: 0}", "weight_decay: -1}"));
    assertTrue(negative.startsWith("suite.yaml:12:"), negative);
    assertTrue(
        negative.contains("param_groups[0]: adamw.weight_decay = -1 is not allowed"), negative);
    String typo = error(SUITE.replace("weight_decay: 0}", "weight_decai: 0}"));
    assertTrue(typo.contains("(did you mean 'weight_decay'?)"), typo);
    String clip = error(SUITE.replace("weight_decay: 0}", "clip_grad_norm: 1}"));
    assertTrue(clip.contains("'clip_grad_norm' is set once for the whole entry"), clip);
  }

  @Test
  void paramGroupsAreNotSwept() {
    String lists =
        error(SUITE.replace("[{blocks: \"b*\", weight_decay: 0}]", "[[{blocks: \"b*\"}], []]"));
    assertTrue(lists.startsWith("suite.yaml:12:"), lists);
    assertTrue(lists.contains("param_groups is not swept"), lists);
    String inside = error(SUITE.replace("weight_decay: 0}", "weight_decay: [0, 0.1]}"));
    assertTrue(inside.contains("values inside param_groups are not swept"), inside);
    String tuned = error(SUITE.replace("weight_decay: 0}", "weight_decay: {uniform: [0, 0.1]}}"));
    assertTrue(tuned.contains("a search space is not allowed inside param_groups"), tuned);
  }

  @Test
  void aFlatFunctionHasOneBlockThatPatternsMustMatch() {
    String message =
        error(SUITE.replace("- name: mlp\n", "- name: rosenbrock\n    dim: 3\n  - name: mlp\n"));
    assertTrue(message.contains("function 'rosenbrock"), message);
    assertTrue(message.contains("the blocks are params [3]"), message);
  }
}
