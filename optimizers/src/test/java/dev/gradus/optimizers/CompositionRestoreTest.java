package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Snapshot mid-run, restore into fresh objects, continue bit for bit. */
class CompositionRestoreTest {
  static final Evaluator F =
      (p, g) -> {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
          double c = (i + 1) * (p[i] - 0.3 * i);
          s += 0.5 * c * (p[i] - 0.3 * i) + 0.1 * Math.sin(3 * p[i]);
          g[i] = c + 0.3 * Math.cos(3 * p[i]);
        }
        return s;
      };
  static final List<ParameterBlock> BLOCKS =
      List.of(ParameterBlock.vector("a", 0, 2), ParameterBlock.vector("b", 2, 2));

  static Optimizer b(String id, Map<String, Object> m) {
    return StateRestoreTest.builtIn(id, m).get();
  }

  static double[] run(Supplier<Optimizer> make, int steps, int cut) {
    double[] x = {1.0, -0.5, 2.0, 0.7};
    double[] g = new double[4];
    BlockAware o = (BlockAware) make.get();
    OptimizerState s = o.init(4, BLOCKS);
    double[] avg = new double[4];
    for (int t = 0; t < steps; t++) {
      if (t == cut) {
        StateSnapshot snap = s.snapshot();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        snap.arrays().forEach((k, v) -> arrays.put(k, v.clone()));
        snap =
            new StateSnapshot(
                snap.optimizerId(), snap.dimension(), arrays, new LinkedHashMap<>(snap.scalars()));
        o = (BlockAware) make.get();
        s = o.restore(snap, 4, BLOCKS);
      }
      double v = F.evaluate(x, g);
      o.step(x, v, g, o.learningRate(), s, F);
    }
    boolean has = AveragedIterate.averagedPoint(o, s, avg);
    double[] out = new double[9];
    System.arraycopy(x, 0, out, 0, 4);
    System.arraycopy(avg, 0, out, 4, 4);
    out[8] = has ? 1 : 0;
    return out;
  }

  static void check(String what, Supplier<Optimizer> make) {
    double[] straight = run(make, 37, -1);
    for (int cut : new int[] {1, 5, 13, 22}) {
      assertArrayEquals(straight, run(make, 37, cut), 0, what + " cut at " + cut);
    }
  }

  static Optimizer grouped(String id, Map<String, Object> base, Map<String, Object> group) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    merged.putAll(group);
    return Optimizers.grouped(b(id, base), List.of(new ParamGroup("b", b(id, merged))));
  }

  @Test
  void cyclicMomentumThroughWrappersAndGroups() {
    check(
        "swa(lookahead(grouped momentum)) × cyclic",
        () ->
            Optimizers.compose(
                Optimizers.swa(
                    Optimizers.lookahead(
                        grouped(
                            "momentum", Map.of("lr", 0.01, "momentum", 0.9), Map.of("lr", 0.03)),
                        new Wrappers.LookaheadConfig(3, 0.5)),
                    new Wrappers.SwaConfig(4, 2)),
                Schedule.cyclic(
                    0.001, 0.02, 3, 5, Schedule.CyclicMode.TRIANGULAR2, 1, true, 0.7, 0.9),
                GradientClip.byNorm(5)));
  }

  @Test
  void plateauThroughEmaAndGroupedAdam() {
    check(
        "ema(grouped adam) × plateau",
        () ->
            Optimizers.compose(
                Optimizers.ema(
                    grouped("adam", Map.of("lr", 0.05), Map.of("lr", 0.1)),
                    new Wrappers.EmaConfig(0.9, true)),
                Schedule.reduceOnPlateau(false, 0.5, 0, 1e-3, true, 2, 1e-3, 1e-8),
                GradientClip.none()));
  }

  @Test
  void oneCycleScheduleFreeAsgdSam() {
    check(
        "sam(adamw-schedule-free) × one_cycle",
        () ->
            Optimizers.compose(
                Optimizers.sam(
                    b("adamw-schedule-free", Map.of("lr", 0.05)),
                    new Wrappers.SamConfig(0.05, false)),
                Schedule.oneCycle(
                    0.1, 40, 0.3, Schedule.Anneal.COS, 25, 1e4, false, true, 0.8, 0.95),
                GradientClip.none()));
    check(
        "asgd × chained",
        () ->
            Optimizers.compose(
                grouped("asgd", Map.of("lr", 0.05, "t0", 3.0), Map.of("lr", 0.02)),
                Schedule.chained(
                    List.of(Schedule.multiplicative(t -> 0.97), Schedule.step(5, 0.5))),
                GradientClip.none()));
  }
}
