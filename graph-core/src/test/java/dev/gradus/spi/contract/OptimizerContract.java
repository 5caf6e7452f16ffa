package dev.gradus.spi.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks every {@link OptimizerProvider} must pass. A plugin's test extends this class and
 * supplies its provider, hyperparameters under which it minimizes the convex quadratic f(x) = ½ Σ
 * cᵢxᵢ² (cᵢ = 1 + (i mod 4)·0.5, started from x = 1) in a few hundred steps, and invalid
 * hyperparameter maps.
 *
 * <p>A {@link BlockAware} optimizer is also run on a vector laid out as blocks (a matrix, a vector
 * and a scalar), where it must decrease f and continue bit-identically from a snapshot restored
 * with the same blocks; for other optimizers that check runs them flat, as the runner would.
 *
 * <p>Each run calls {@code init}, then per iteration evaluates f and ∇f and calls {@code step} with
 * {@link Optimizer#learningRate()}, passing an {@link Evaluator} on the same quadratic.
 */
public abstract class OptimizerContract {
  /** The provider under test. */
  protected abstract OptimizerProvider provider();

  /** Hyperparameters under which the optimizer minimizes the quadratic. */
  protected abstract Map<String, Object> validHyperParameters();

  /**
   * Maps that {@link HyperParameters#resolve} or {@link OptimizerProvider#create} must reject; each
   * should have one bad parameter, which the error must name.
   */
  protected abstract List<Map<String, Object>> invalidHyperParameters();

  /** Steps for the convergence check (200 unless overridden). */
  protected int steps() {
    return 200;
  }

  /** The quadratic's curvature in coordinate i. */
  static double curvature(int i) {
    return 1 + (i % 4) * 0.5;
  }

  /** f(x) = ½ Σ cᵢxᵢ², with ∇f = (cᵢxᵢ) and H = diag(cᵢ); counts its evaluations. */
  static final class Quadratic implements Evaluator {
    long evaluations;

    @Override
    public double evaluate(double[] x, double[] gradient) {
      evaluations++;
      double f = 0;
      for (int i = 0; i < x.length; i++) {
        double c = curvature(i);
        gradient[i] = c * x[i];
        f += 0.5 * c * x[i] * x[i];
      }
      return f;
    }

    /** H·v = (cᵢvᵢ), for second-order methods. */
    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out) {
      for (int i = 0; i < x.length; i++) {
        out[i] = curvature(i) * v[i];
      }
    }
  }

  protected final Optimizer optimizer() {
    OptimizerProvider provider = provider();
    return provider.create(HyperParameters.resolve(provider, validHyperParameters()));
  }

  /** Runs {@code steps} steps from {@code x} (moved in place), continuing {@code state}. */
  static double run(Optimizer optimizer, OptimizerState state, double[] x, int steps) {
    Quadratic f = new Quadratic();
    double[] gradient = new double[x.length];
    for (int k = 0; k < steps; k++) {
      double value = f.evaluate(x, gradient);
      optimizer.step(x, value, gradient, optimizer.learningRate(), state, f);
    }
    return f.evaluate(x, gradient);
  }

  static double[] ones(int dimension) {
    double[] x = new double[dimension];
    Arrays.fill(x, 1);
    return x;
  }

  @Test
  void idIsKebabCaseAndHyperParametersHaveDefaults() {
    OptimizerProvider provider = provider();
    assertEquals(provider.id(), Names.requireKebabCase(provider.id()));
    assertFalse(provider.description().isBlank(), "description");
    assertEquals(provider.id(), optimizer().id(), "the optimizer reports its provider's id");
  }

  @Test
  void decreasesAConvexQuadratic() {
    Optimizer optimizer = optimizer();
    double[] x = ones(8);
    double start = new Quadratic().evaluate(x.clone(), new double[8]);
    double end = run(optimizer, optimizer.init(8), x, steps());
    assertTrue(Double.isFinite(end), "f stays finite, got " + end);
    assertTrue(end < 0.5 * start, "f fell from " + start + " to only " + end);
  }

  @Test
  void isDeterministic() {
    double[] first = ones(5);
    double[] second = ones(5);
    Optimizer optimizer = optimizer();
    run(optimizer, optimizer.init(5), first, 30);
    run(optimizer(), optimizer().init(5), second, 30);
    assertArrayEquals(first, second, 0.0);
  }

  @Test
  void snapshotAndRestoreContinueBitIdentically() {
    Optimizer optimizer = optimizer();
    double[] straight = ones(6);
    run(optimizer, optimizer.init(6), straight, 40);

    double[] interrupted = ones(6);
    OptimizerState before = optimizer.init(6);
    run(optimizer, before, interrupted, 17);
    StateSnapshot snapshot = before.snapshot();
    assertEquals(provider().id(), snapshot.optimizerId());
    assertEquals(6, snapshot.dimension());
    OptimizerState after = optimizer().restore(snapshot, 6);
    run(optimizer, after, interrupted, 23);

    for (int i = 0; i < 6; i++) {
      assertEquals(
          Double.doubleToLongBits(straight[i]),
          Double.doubleToLongBits(interrupted[i]),
          "coordinate " + i + ": " + straight[i] + " vs " + interrupted[i]);
    }
  }

  /** W [2, 3], b [3], s [1]: 10 parameters in the blocks the block checks use. */
  static final List<ParameterBlock> BLOCKS =
      List.of(
          ParameterBlock.matrix("W", 0, 2, 3),
          ParameterBlock.vector("b", 6, 3),
          ParameterBlock.vector("s", 9, 1));

  @Test
  void withBlocksDecreasesTheQuadraticAndSnapshotsRestore() {
    Optimizer optimizer = optimizer();
    int n = 10;
    ParameterBlock.requireTiling(BLOCKS, n);
    double[] straight = ones(n);
    double start = new Quadratic().evaluate(straight.clone(), new double[n]);
    double end = run(optimizer, BlockAware.init(optimizer, n, BLOCKS), straight, steps());
    assertTrue(Double.isFinite(end) && end < 0.5 * start, "f fell from " + start + " to " + end);

    double[] first = ones(n);
    run(optimizer, BlockAware.init(optimizer, n, BLOCKS), first, 40);
    double[] interrupted = ones(n);
    OptimizerState before = BlockAware.init(optimizer, n, BLOCKS);
    run(optimizer, before, interrupted, 17);
    OptimizerState after = BlockAware.restore(optimizer(), before.snapshot(), n, BLOCKS);
    assertEquals(before.snapshot(), after.snapshot(), "a restored state snapshots alike");
    run(optimizer, after, interrupted, 23);
    for (int i = 0; i < n; i++) {
      assertEquals(
          Double.doubleToLongBits(first[i]),
          Double.doubleToLongBits(interrupted[i]),
          "coordinate " + i + ": " + first[i] + " vs " + interrupted[i]);
    }
  }

  @Test
  void restoreRejectsAnotherDimensionOrOptimizer() {
    Optimizer optimizer = optimizer();
    OptimizerState state = optimizer.init(4);
    run(optimizer, state, ones(4), 3);
    StateSnapshot snapshot = state.snapshot();
    IllegalArgumentException wrongDimension =
        assertThrows(IllegalArgumentException.class, () -> optimizer.restore(snapshot, 5));
    assertTrue(wrongDimension.getMessage().contains("5"), wrongDimension.getMessage());
    StateSnapshot foreign =
        new StateSnapshot("not-" + provider().id(), 4, snapshot.arrays(), snapshot.scalars());
    IllegalArgumentException wrongOptimizer =
        assertThrows(IllegalArgumentException.class, () -> optimizer.restore(foreign, 4));
    assertTrue(wrongOptimizer.getMessage().contains("not-" + provider().id()));
  }

  @Test
  void rejectsInvalidHyperParameters() {
    List<Map<String, Object>> invalid = invalidHyperParameters();
    assertFalse(invalid.isEmpty(), "give at least one invalid hyperparameter map");
    OptimizerProvider provider = provider();
    for (Map<String, Object> values : invalid) {
      try {
        provider.create(HyperParameters.resolve(provider, values));
        fail("accepted invalid hyperparameters " + values);
      } catch (InvalidHyperParameterException e) {
        assertTrue(
            values.containsKey(e.parameter()),
            "error for " + values + " names '" + e.parameter() + "', which is not among them");
        assertTrue(
            e.getMessage().contains(e.parameter()),
            "message does not name " + e.parameter() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void worksInDimensionOne() {
    Optimizer optimizer = optimizer();
    double[] x = ones(1);
    double end = run(optimizer, optimizer.init(1), x, steps());
    assertTrue(Double.isFinite(end) && end < 0.5 * 0.5, "f(x) = " + end);
  }

  /**
   * The largest dimension the optimizer takes, for one that keeps dense n × n matrices (newton);
   * larger ones must be refused by {@code init} with an {@link IllegalArgumentException} naming the
   * limit.
   */
  protected int maxDimension() {
    return Integer.MAX_VALUE;
  }

  @Test
  void worksInDimensionOneMillion() {
    int dimension = 1_000_000;
    Optimizer optimizer = optimizer();
    if (maxDimension() < dimension) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> optimizer.init(dimension));
      assertTrue(
          refused.getMessage().contains(String.format("%d", maxDimension())), refused.getMessage());
      return;
    }
    double[] x = ones(dimension);
    Quadratic f = new Quadratic();
    double[] gradient = new double[dimension];
    OptimizerState state = optimizer.init(dimension);
    double first = f.evaluate(x.clone(), gradient);
    for (int k = 0; k < 3; k++) {
      double value = f.evaluate(x, gradient);
      assertTrue(Double.isFinite(value), "f is finite at step " + k);
      optimizer.step(x, value, gradient, optimizer.learningRate(), state, f);
    }
    double last = f.evaluate(x, gradient);
    assertTrue(Double.isFinite(last) && last < first, "f went from " + first + " to " + last);
  }
}
