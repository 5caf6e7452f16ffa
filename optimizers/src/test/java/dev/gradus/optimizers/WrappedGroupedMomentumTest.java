package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A momentum-cycling schedule over wrappers around param groups (the documented chain clip →
 * schedule → wrappers → param groups → optimizer): it reaches every group, as without the wrapper,
 * and is still refused when the groups' optimizer has no momentum.
 */
class WrappedGroupedMomentumTest {
  static final List<ParameterBlock> BLOCKS =
      List.of(ParameterBlock.vector("a", 0, 1), ParameterBlock.vector("b", 1, 1));

  static Optimizer grouped(String id, Map<String, Object> base, Map<String, Object> group) {
    return Optimizers.grouped(
        StateRestoreTest.builtIn(id, base).get(),
        List.of(new ParamGroup("b", StateRestoreTest.builtIn(id, group).get())));
  }

  static Schedule cyclic() {
    return Schedule.cyclic(0.001, 0.02, 3, 5, Schedule.CyclicMode.TRIANGULAR, 1, true, 0.5, 0.9);
  }

  static double[][] run(Optimizer optimizer) {
    Optimizer composed = Optimizers.compose(optimizer, cyclic(), GradientClip.none());
    double[] x = {1.5, -2};
    double[] g = new double[2];
    OptimizerState state = dev.gradus.spi.BlockAware.init(composed, 2, BLOCKS);
    double[][] out = new double[30][];
    for (int t = 0; t < 30; t++) {
      double value = WrappersTest.ROSENBROCK.evaluate(x, g);
      composed.step(x, value, g, composed.learningRate(), state, WrappersTest.ROSENBROCK);
      out[t] = x.clone();
    }
    return out;
  }

  @Test
  void cycledMomentumReachesGroupsBelowAWrapper() {
    Map<String, Object> base = Map.of("lr", 1e-3, "momentum", 0.9);
    Map<String, Object> group = Map.of("lr", 3e-3, "momentum", 0.9);
    double[][] plain = run(grouped("momentum", base, group));
    // lookahead whose sync period is beyond the run and ema leave the trajectory unchanged
    double[][] wrapped =
        run(
            Optimizers.ema(
                Optimizers.lookahead(
                    grouped("momentum", base, group), new Wrappers.LookaheadConfig(1000, 0.5)),
                new Wrappers.EmaConfig(0.9, true)));
    for (int t = 0; t < plain.length; t++) {
      assertArrayEquals(plain[t], wrapped[t], 0, "step " + (t + 1));
    }
  }

  @Test
  void stillRefusedWithoutMomentum() {
    Optimizer adagrad =
        Optimizers.lookahead(
            grouped("adagrad", Map.of("lr", 1e-3), Map.of("lr", 3e-3)),
            Wrappers.LookaheadConfig.DEFAULTS);
    assertThrows(
        IllegalArgumentException.class,
        () -> Optimizers.compose(adagrad, cyclic(), GradientClip.none()));
  }
}
