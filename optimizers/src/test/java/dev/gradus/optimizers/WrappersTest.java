package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wrappers against independent references written from the papers' pseudo-code (plain loops
 * over fresh arrays, sharing nothing with the main sources), plus hand-worked steps, composition
 * and the interfaces they forward.
 */
class WrappersTest {
  static final Evaluator ROSENBROCK = GoldenTrajectoryTest.ROSENBROCK;

  /** f(x) = x²/2 in one dimension, counting its evaluations. */
  static final class HalfSquare implements Evaluator {
    int evaluations;

    @Override
    public double evaluate(double[] x, double[] g) {
      evaluations++;
      g[0] = x[0];
      return 0.5 * x[0] * x[0];
    }
  }

  static Optimizer gd(double lr) {
    return StateRestoreTest.builtIn("gd", Map.of("lr", lr)).get();
  }

  static Optimizer momentum(double lr, double mu) {
    return StateRestoreTest.builtIn("momentum", Map.of("lr", lr, "momentum", mu)).get();
  }

  /** Steps {@code optimizer} from {@code start}; row t − 1 is x_t. */
  static double[][] run(Optimizer optimizer, Evaluator f, double[] start, int steps) {
    double[] x = start.clone();
    double[] g = new double[x.length];
    OptimizerState state = optimizer.init(x.length);
    double[][] out = new double[steps][];
    for (int k = 0; k < steps; k++) {
      double value = f.evaluate(x, g);
      optimizer.step(x, value, g, optimizer.learningRate(), state, f);
      out[k] = x.clone();
    }
    return out;
  }

  static void assertClose(double[][] expected, double[][] actual, String what) {
    assertEquals(expected.length, actual.length);
    for (int t = 0; t < expected.length; t++) {
      for (int i = 0; i < expected[t].length; i++) {
        double e = expected[t][i];
        double tolerance = 1e-12 * Math.max(1, Math.abs(e));
        assertEquals(e, actual[t][i], tolerance, what + ", step " + (t + 1) + ", coordinate " + i);
      }
    }
  }

  /** Heavy-ball SGD's update as a reusable inner step of the references: b ← μb + g, x ← x − γb. */
  static final class HeavyBall {
    final double lr;
    final double mu;
    double[] buffer;

    HeavyBall(double lr, double mu) {
      this.lr = lr;
      this.mu = mu;
    }

    void step(double[] x, double[] g) {
      if (buffer == null) {
        buffer = g.clone(); // torch: the first buffer is the gradient
      } else {
        for (int i = 0; i < x.length; i++) {
          buffer[i] = mu * buffer[i] + g[i];
        }
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = x[i] - lr * buffer[i];
      }
    }
  }

  // ---- lookahead: Zhang et al. (2019), Algorithm 1 ----

  /**
   * Algorithm 1: for t = 1, 2, …: θ_{t,0} ← φ_{t−1}; k inner steps θ_{t,i} ← θ_{t,i−1} + A(…); φ_t
   * ← φ_{t−1} + α(θ_{t,k} − φ_{t−1}). The inner optimizer's state carries on across outer
   * iterations (the paper's default; optax.lookahead without reset_state).
   */
  static double[][] lookaheadReference(double[] start, int steps, int k, double alpha) {
    HeavyBall inner = new HeavyBall(2e-4, 0.9);
    double[] phi = start.clone();
    double[] theta = start.clone();
    double[][] out = new double[steps][];
    int i = 0;
    for (int s = 0; s < steps; s++) {
      inner.step(theta, Reference.gradient(ROSENBROCK, theta));
      i++;
      if (i == k) {
        for (int j = 0; j < theta.length; j++) {
          phi[j] = phi[j] + alpha * (theta[j] - phi[j]);
        }
        theta = phi.clone();
        i = 0;
      }
      out[s] = theta.clone();
    }
    return out;
  }

  @Test
  void lookaheadFollowsThePaper() {
    double[] start = {-1.5, 2};
    assertClose(
        lookaheadReference(start, 53, 5, 0.5),
        run(
            Optimizers.lookahead(momentum(2e-4, 0.9), new Wrappers.LookaheadConfig(5, 0.5)),
            ROSENBROCK,
            start,
            53),
        "lookahead k=5 α=0.5");
    assertClose(
        lookaheadReference(start, 40, 3, 0.8),
        run(
            Optimizers.lookahead(momentum(2e-4, 0.9), new Wrappers.LookaheadConfig(3, 0.8)),
            ROSENBROCK,
            start,
            40),
        "lookahead k=3 α=0.8");
  }

  @Test
  void lookaheadHandWorked() {
    // f = x²/2, gd with γ = 0.5 halves x; k = 2, α = 0.5, x₀ = 4:
    // fast 4 → 2 → 1; slow = 4 + 0.5(1 − 4) = 2.5 = x₂; fast 2.5 → 1.25 → 0.625;
    // slow = 2.5 + 0.5(0.625 − 2.5) = 1.5625 = x₄
    double[][] x =
        run(
            Optimizers.lookahead(gd(0.5), new Wrappers.LookaheadConfig(2, 0.5)),
            new HalfSquare(),
            new double[] {4},
            4);
    assertArrayEquals(new double[] {2, 2.5, 1.25, 1.5625}, column(x), 0);
  }

  // ---- ema: optax.ema ----

  @Test
  void emaFollowsOptaxAndLeavesTheTrajectory() {
    double[] start = {-1.5, 2};
    int steps = 50;
    for (boolean debias : new boolean[] {true, false}) {
      double decay = 0.9;
      Optimizer ema = Optimizers.ema(momentum(2e-4, 0.9), new Wrappers.EmaConfig(decay, debias));
      // reference: optax.ema's update, ema = (1 − decay)·x + decay·ema from zeros, and its
      // debiased value ema / (1 − decay^count)
      double[][] path = Reference.sgd(ROSENBROCK, start, steps, 2e-4, 0.9, 0, false, 0, false);
      double[] average = new double[2];
      double[] x = start.clone();
      double[] g = new double[2];
      double[] into = new double[2];
      OptimizerState state = ema.init(2);
      assertFalse(AveragedIterate.averagedPoint(ema, state, into), "no average before a step");
      for (int t = 1; t <= steps; t++) {
        ema.step(x, ROSENBROCK.evaluate(x, g), g, ema.learningRate(), state, ROSENBROCK);
        assertArrayEquals(path[t - 1], x, 1e-12, "the iterate is the inner optimizer's");
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
          average[i] = (1 - decay) * path[t - 1][i] + decay * average[i];
          expected[i] = debias ? average[i] / (1 - Math.pow(decay, t)) : average[i];
        }
        assertTrue(AveragedIterate.averagedPoint(ema, state, into));
        assertArrayEquals(expected, into, 1e-12, "ema at step " + t + ", debias " + debias);
      }
      assertEquals("ema", ((AveragedIterate) ema).averagedName());
    }
  }

  @Test
  void emaHandWorked() {
    // gd γ = 0.5 on x²/2 from 4: x₁ = 2, x₂ = 1; decay 0.5:
    // ema₁ = 0.5·0 + 0.5·2 = 1, debiased 1/(1 − 0.5) = 2; ema₂ = 0.5·1 + 0.5·1 = 1, debiased
    // 1/(1 − 0.25) = 4/3; without debias 1 and 1
    for (boolean debias : new boolean[] {true, false}) {
      Optimizer ema = Optimizers.ema(gd(0.5), new Wrappers.EmaConfig(0.5, debias));
      OptimizerState state = ema.init(1);
      double[] x = {4};
      double[] g = new double[1];
      double[] into = new double[1];
      Evaluator f = new HalfSquare();
      ema.step(x, f.evaluate(x, g), g, 0.5, state, f);
      assertTrue(AveragedIterate.averagedPoint(ema, state, into));
      assertEquals(debias ? 2 : 1, into[0], 1e-15);
      ema.step(x, f.evaluate(x, g), g, 0.5, state, f);
      AveragedIterate.averagedPoint(ema, state, into);
      assertEquals(debias ? 4.0 / 3 : 1, into[0], 1e-15);
    }
  }

  // ---- swa: Izmailov et al. (2018), Algorithm 1; Polyak & Juditsky (1992) ----

  @Test
  void swaIsTheMeanOfTheScheduledIterates() {
    double[] start = {-1.5, 2};
    int steps = 47;
    long swaStart = 10;
    long swaFreq = 3;
    double[][] path = Reference.sgd(ROSENBROCK, start, steps, 2e-4, 0.9, 0, false, 0, false);
    Optimizer swa = Optimizers.swa(momentum(2e-4, 0.9), new Wrappers.SwaConfig(swaStart, swaFreq));
    double[] x = start.clone();
    double[] g = new double[2];
    double[] into = new double[2];
    OptimizerState state = swa.init(2);
    for (int t = 1; t <= steps; t++) {
      swa.step(x, ROSENBROCK.evaluate(x, g), g, swa.learningRate(), state, ROSENBROCK);
      assertArrayEquals(path[t - 1], x, 1e-12, "the iterate is the inner optimizer's");
      // reference: the plain mean of x_s over s = start, start + freq, … ≤ t
      double[] sum = new double[2];
      int count = 0;
      for (int s = (int) swaStart; s <= t; s += (int) swaFreq) {
        sum[0] += path[s - 1][0];
        sum[1] += path[s - 1][1];
        count++;
      }
      boolean has = AveragedIterate.averagedPoint(swa, state, into);
      assertEquals(count > 0, has, "an average from step " + swaStart + " on");
      if (count > 0) {
        assertArrayEquals(new double[] {sum[0] / count, sum[1] / count}, into, 1e-12);
      }
    }
  }

  @Test
  void swaHandWorked() {
    // gd γ = 0.5 on x²/2 from 4: x_t = 4·2⁻ᵗ; swa_start 2, swa_freq 2 averages x₂ = 1 and
    // x₄ = 0.25: 0.625 after step 4 (and 5); x₆ = 0.0625 makes it 1.3125/3 = 0.4375
    Optimizer swa = Optimizers.swa(gd(0.5), new Wrappers.SwaConfig(2, 2));
    OptimizerState state = swa.init(1);
    double[] x = {4};
    double[] g = new double[1];
    double[] into = {-7};
    Evaluator f = new HalfSquare();
    double[] expected = {Double.NaN, 1, 1, 0.625, 0.625, 0.4375};
    for (int t = 1; t <= 6; t++) {
      swa.step(x, f.evaluate(x, g), g, 0.5, state, f);
      boolean has = AveragedIterate.averagedPoint(swa, state, into);
      assertEquals(t >= 2, has);
      assertEquals(t >= 2 ? expected[t - 1] : -7, into[0], 1e-15, "step " + t);
    }
  }

  // ---- sam: Foret et al. (2021), Algorithm 1; ASAM: Kwon et al. (2021) ----

  /**
   * Algorithm 1 with heavy-ball SGD as the base: ε̂ = ρ g/‖g‖₂ (ASAM: ρ T²g/‖Tg‖₂, T = diag|w|),
   * g_SAM = ∇f(w + ε̂), then the base step at w with g_SAM.
   */
  static double[][] samReference(double[] start, int steps, double rho, boolean adaptive) {
    HeavyBall base = new HeavyBall(2e-4, 0.9);
    double[] w = start.clone();
    double[][] out = new double[steps][];
    for (int s = 0; s < steps; s++) {
      double[] g = Reference.gradient(ROSENBROCK, w);
      double norm = 0;
      for (int i = 0; i < w.length; i++) {
        double tg = (adaptive ? Math.abs(w[i]) : 1) * g[i];
        norm += tg * tg;
      }
      norm = Math.sqrt(norm);
      double[] perturbed = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        double t2 = adaptive ? w[i] * w[i] : 1;
        perturbed[i] = w[i] + rho * t2 * g[i] / norm;
      }
      base.step(w, Reference.gradient(ROSENBROCK, perturbed));
      out[s] = w.clone();
    }
    return out;
  }

  @Test
  void samFollowsThePaper() {
    double[] start = {-1.5, 2};
    for (boolean adaptive : new boolean[] {false, true}) {
      assertClose(
          samReference(start, 50, 0.05, adaptive),
          run(
              Optimizers.sam(momentum(2e-4, 0.9), new Wrappers.SamConfig(0.05, adaptive)),
              ROSENBROCK,
              start,
              50),
          "sam adaptive=" + adaptive);
    }
  }

  @Test
  void samHandWorkedAndCountsItsEvaluation() {
    // x = 4 on x²/2, g = 4, ρ = 0.05: e = 0.05·4/4 = 0.05, ∇f(4.05) = 4.05, gd γ = 0.5:
    // x = 4 − 2.025 = 1.975. ASAM: e = 0.05·16·4/|4·4| = 0.2, ∇f(4.2) = 4.2, x = 4 − 2.1 = 1.9
    for (boolean adaptive : new boolean[] {false, true}) {
      Optimizer sam = Optimizers.sam(gd(0.5), new Wrappers.SamConfig(0.05, adaptive));
      HalfSquare f = new HalfSquare();
      double[] x = {4};
      double[] g = new double[1];
      OptimizerState state = sam.init(1);
      sam.step(x, f.evaluate(x, g), g, 0.5, state, f);
      assertEquals(adaptive ? 1.9 : 1.975, x[0], 1e-15);
      assertEquals(2, f.evaluations, "the caller's evaluation and sam's");
    }
  }

  @Test
  void samAtAStationaryPointDoesNotPerturb() {
    Optimizer sam = Optimizers.sam(gd(0.5), Wrappers.SamConfig.DEFAULTS);
    double[] x = {0};
    double[] g = new double[1];
    HalfSquare f = new HalfSquare();
    sam.step(x, f.evaluate(x, g), g, 0.5, sam.init(1), f);
    assertEquals(0, x[0], 0, "‖g‖ = 0: e = 0, not NaN");
  }

  // ---- composition ----

  @Test
  void wrappersNest() {
    // sam inside lookahead: the reference runs sam's step as lookahead's inner step
    double[] start = {-1.5, 2};
    Optimizer nested =
        Optimizers.lookahead(
            Optimizers.sam(momentum(2e-4, 0.9), new Wrappers.SamConfig(0.05, false)),
            new Wrappers.LookaheadConfig(4, 0.5));
    double[][] actual = run(nested, ROSENBROCK, start, 30);
    HeavyBall base = new HeavyBall(2e-4, 0.9);
    double[] phi = start.clone();
    double[] w = start.clone();
    for (int s = 1; s <= 30; s++) {
      double[] g = Reference.gradient(ROSENBROCK, w);
      double norm = Math.sqrt(g[0] * g[0] + g[1] * g[1]);
      base.step(
          w,
          Reference.gradient(
              ROSENBROCK, new double[] {w[0] + 0.05 * g[0] / norm, w[1] + 0.05 * g[1] / norm}));
      if (s % 4 == 0) {
        for (int i = 0; i < 2; i++) {
          phi[i] += 0.5 * (w[i] - phi[i]);
        }
        w = phi.clone();
      }
      assertArrayEquals(w, actual[s - 1], 1e-12, "step " + s);
    }
  }

  static final List<ParameterBlock> BLOCKS =
      List.of(new ParameterBlock("w", 0, new int[] {1}), new ParameterBlock("b", 1, new int[] {1}));

  static BlockAware groupedMomentum() {
    return Optimizers.grouped(
        momentum(2e-4, 0.9), List.of(new ParamGroup("b", momentum(8e-4, 0.9))));
  }

  static double[][] runBlocks(Optimizer optimizer, int steps) {
    double[] x = {-1.5, 2};
    double[] g = new double[2];
    OptimizerState state = BlockAware.init(optimizer, 2, BLOCKS);
    double[][] out = new double[steps][];
    for (int k = 0; k < steps; k++) {
      double value = ROSENBROCK.evaluate(x, g);
      optimizer.step(x, value, g, optimizer.learningRate(), state, ROSENBROCK);
      out[k] = x.clone();
    }
    return out;
  }

  @Test
  void theScheduleStillReachesEachGroupUnderWrappers() {
    // ema and swa leave the trajectory alone, so the wrapped grouped run must be the unwrapped
    // one bit for bit: each group's rate follows the cosine from its own lr below the wrappers
    Schedule cosine = Schedule.cosine(20, 0);
    double[][] plain =
        runBlocks(Optimizers.compose(groupedMomentum(), cosine, GradientClip.none()), 30);
    double[][] wrapped =
        runBlocks(
            Optimizers.compose(
                Optimizers.swa(
                    Optimizers.ema(groupedMomentum(), Wrappers.EmaConfig.DEFAULTS),
                    Wrappers.SwaConfig.DEFAULTS),
                cosine,
                GradientClip.none()),
            30);
    for (int k = 0; k < 30; k++) {
      assertArrayEquals(plain[k], wrapped[k], 0, "step " + (k + 1));
    }
    // and the schedule did act
    double[][] unscheduled =
        runBlocks(
            Optimizers.compose(groupedMomentum(), Schedule.constant(), GradientClip.none()), 30);
    assertTrue(unscheduled[29][1] != plain[29][1]);
  }

  @Test
  void averagedPointsReachTheCallerThroughComposeAndGroups() {
    Optimizer composed =
        Optimizers.compose(
            Optimizers.sam(
                Optimizers.ema(momentum(2e-4, 0.9), new Wrappers.EmaConfig(0.5, true)),
                Wrappers.SamConfig.DEFAULTS),
            Schedule.constant(),
            GradientClip.none());
    assertInstanceOf(AveragedIterate.class, composed);
    assertEquals("ema", ((AveragedIterate) composed).averagedName());
    OptimizerState state = composed.init(2);
    double[] x = {-1.5, 2};
    double[] g = new double[2];
    double[] into = new double[2];
    assertFalse(AveragedIterate.averagedPoint(composed, state, into));
    composed.step(x, ROSENBROCK.evaluate(x, g), g, composed.learningRate(), state, ROSENBROCK);
    assertTrue(AveragedIterate.averagedPoint(composed, state, into));
    assertArrayEquals(x, into, 1e-15, "decay 0.5 debiased after one step is the point itself");

    assertFalse(
        Optimizers.compose(
                Optimizers.lookahead(gd(0.1), Wrappers.LookaheadConfig.DEFAULTS),
                Schedule.constant(),
                GradientClip.none())
            instanceof AveragedIterate);

    // a group with an EMA: its coordinates are averaged, the rest are the iterate's
    Optimizer grouped =
        Optimizers.grouped(
            momentum(2e-4, 0.9),
            List.of(
                new ParamGroup(
                    "b", Optimizers.ema(momentum(2e-4, 0.9), new Wrappers.EmaConfig(0.5, false)))));
    assertInstanceOf(AveragedIterate.class, grouped);
    OptimizerState groupedState = BlockAware.init(grouped, 2, BLOCKS);
    double[] y = {-1.5, 2};
    assertFalse(AveragedIterate.averagedPoint(grouped, groupedState, into));
    grouped.step(y, ROSENBROCK.evaluate(y, g), g, 1e-3, groupedState, ROSENBROCK);
    assertTrue(AveragedIterate.averagedPoint(grouped, groupedState, into));
    assertEquals(y[0], into[0], 0, "w has no average: the iterate");
    assertEquals(0.5 * y[1], into[1], 1e-15, "b's ema without debias: 0.5·x₁");
  }

  /** A momentum-aware test optimizer: x ← x − lr·momentum·g, so the momentum it used shows. */
  static final class Scaled implements MomentumAware {
    @Override
    public String id() {
      return "scaled";
    }

    @Override
    public double learningRate() {
      return 1;
    }

    @Override
    public double momentum() {
      return 0.5;
    }

    @Override
    public OptimizerState init(int dimension) {
      return new OptimizerState() {
        @Override
        public int dimension() {
          return dimension;
        }

        @Override
        public StateSnapshot snapshot() {
          return new StateSnapshot("scaled", dimension, Map.of(), Map.of());
        }
      };
    }

    @Override
    public OptimizerState restore(StateSnapshot snapshot, int dimension) {
      return init(dimension);
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        double momentum,
        OptimizerState state,
        Evaluator objective) {
      for (int i = 0; i < params.length; i++) {
        params[i] -= lr * momentum * gradient[i];
      }
    }
  }

  @Test
  void aScheduleCyclesTheMomentumOfAWrappedOptimizer() {
    // lookahead with a sync period beyond the run never syncs, so its fast weights are the inner
    // optimizer's own trajectory: under a momentum-cycling one_cycle they must equal the
    // unwrapped run's bit for bit, and differ from the run whose momentum stays fixed
    Schedule cycling =
        Schedule.parse(Map.of("one_cycle", Map.of("max_lr", 1e-3, "total_steps", 40)));
    Schedule fixed =
        Schedule.parse(
            Map.of(
                "one_cycle", Map.of("max_lr", 1e-3, "total_steps", 40, "cycle_momentum", false)));
    double[] start = {-1.5, 2};
    double[][] plain =
        run(
            Optimizers.compose(momentum(1e-3, 0.9), cycling, GradientClip.none()),
            ROSENBROCK,
            start,
            40);
    double[][] wrapped =
        run(
            Optimizers.compose(
                Optimizers.lookahead(momentum(1e-3, 0.9), new Wrappers.LookaheadConfig(1000, 0.5)),
                cycling,
                GradientClip.none()),
            ROSENBROCK,
            start,
            40);
    double[][] notCycled =
        run(
            Optimizers.compose(momentum(1e-3, 0.9), fixed, GradientClip.none()),
            ROSENBROCK,
            start,
            40);
    for (int t = 0; t < 40; t++) {
      for (int i = 0; i < 2; i++) {
        assertEquals(
            Double.doubleToLongBits(plain[t][i]),
            Double.doubleToLongBits(wrapped[t][i]),
            "step " + (t + 1) + ", coordinate " + i);
      }
    }
    assertTrue(plain[39][0] != notCycled[39][0], "cycling the momentum changes the run");
  }

  @Test
  void momentumReachesTheInnerOptimizer() {
    Optimizer wrapped =
        Optimizers.ema(
            Optimizers.lookahead(new Scaled(), new Wrappers.LookaheadConfig(100, 0.5)),
            Wrappers.EmaConfig.DEFAULTS);
    MomentumAware aware = assertInstanceOf(MomentumAware.class, wrapped);
    assertInstanceOf(AveragedIterate.class, wrapped);
    assertEquals(0.5, aware.momentum());
    double[] x = {4};
    aware.step(x, 8, new double[] {4}, 1, 0.25, aware.init(1), (p, g) -> 0);
    assertEquals(3, x[0], 0, "4 − 1·0.25·4");
    aware.step(x, 4.5, new double[] {4}, 1, aware.init(1), (p, g) -> 0);
    assertEquals(1, x[0], 0, "the plain step uses the configured 0.5");
    assertFalse(
        Optimizers.lookahead(
                StateRestoreTest.builtIn("adagrad", Map.of("lr", 0.1)).get(),
                Wrappers.LookaheadConfig.DEFAULTS)
            instanceof MomentumAware,
        "adagrad has no momentum to cycle: a momentum schedule must be refused as before");
  }

  @Test
  void wrappedOptimizersKeepTheInnerIdAndRate() {
    Optimizer inner = momentum(0.003, 0.9);
    Optimizer wrapped = Optimizers.sam(inner, Wrappers.SamConfig.DEFAULTS);
    assertEquals("momentum", wrapped.id());
    assertEquals(0.003, wrapped.learningRate());
    StateSnapshot snapshot = wrapped.init(2).snapshot();
    assertEquals("momentum", snapshot.optimizerId());
    assertTrue(snapshot.scalars().containsKey("inner.step"), snapshot.toString());
  }

  // ---- configuration ----

  @Test
  void badSettingsNameTheParameterAndItsRange() {
    InvalidHyperParameterException k =
        assertThrows(
            InvalidHyperParameterException.class, () -> new Wrappers.LookaheadConfig(0, 0.5));
    assertEquals("sync_period", k.parameter());
    assertTrue(k.getMessage().contains("[1, 2147483647]"), k.getMessage());
    InvalidHyperParameterException alpha =
        assertThrows(
            InvalidHyperParameterException.class, () -> new Wrappers.LookaheadConfig(5, 1.5));
    assertEquals("slow_step_size", alpha.parameter());
    assertEquals(
        "decay",
        assertThrows(InvalidHyperParameterException.class, () -> new Wrappers.EmaConfig(1, true))
            .parameter());
    assertEquals(
        "swa_freq",
        assertThrows(InvalidHyperParameterException.class, () -> new Wrappers.SwaConfig(1, 0))
            .parameter());
    assertEquals(
        "rho",
        assertThrows(
                InvalidHyperParameterException.class,
                () -> new Wrappers.SamConfig(Double.NaN, false))
            .parameter());
    InvalidHyperParameterException unknown =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> Wrappers.wrap("ema", Map.of("decai", 0.9), gd(0.1)));
    assertTrue(unknown.getMessage().contains("decay"), unknown.getMessage());
    IllegalArgumentException name =
        assertThrows(
            IllegalArgumentException.class, () -> Wrappers.wrap("lookahed", Map.of(), gd(0.1)));
    assertTrue(name.getMessage().contains("lookahead"), name.getMessage());
  }

  @Test
  void wrapByNameUsesTheDefaults() {
    assertEquals(
        Map.of("sync_period", 5L, "slow_step_size", 0.5), Wrappers.resolved("lookahead", Map.of()));
    assertEquals(Map.of("decay", 0.999, "debias", true), Wrappers.resolved("ema", Map.of()));
    assertEquals(Map.of("swa_start", 1L, "swa_freq", 1L), Wrappers.resolved("swa", Map.of()));
    assertEquals(Map.of("rho", 0.05, "adaptive", false), Wrappers.resolved("sam", Map.of()));
    assertEquals(
        List.of("ema"),
        List.of(((AveragedIterate) Wrappers.wrap("ema", Map.of(), gd(0.1))).averagedName()));
  }

  static double[] column(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][0];
    }
    return out;
  }
}
