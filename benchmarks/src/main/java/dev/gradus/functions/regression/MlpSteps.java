package dev.gradus.functions.regression;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.RandomStream;
import java.util.List;
import java.util.Map;

/**
 * The mlp's minibatch gradient on its own, for the benchmarks: a suite's objective computes the
 * full training loss at every step besides the batch's gradient, while a PyTorch training step
 * computes the batch's loss and gradient only. This class sits in the loss's package (in the
 * benchmarks module, not in functions) so that the loss and its batch gradient stay package-private
 * where they are defined.
 */
public final class MlpSteps {
  private final Mlp.Loss loss;
  private final Objective objective;
  private final Minibatches batches;
  private final RandomStream stream;
  private final int[] rows;

  /**
   * The {@code mlp} provider's network on the shipped digits (all 1,797 rows for training) with the
   * given hidden widths and activation, in batches of {@code batchSize} drawn from a stream seeded
   * with {@code seed}.
   */
  public MlpSteps(List<Double> hidden, String activation, int batchSize, long seed) {
    Mlp provider = new Mlp();
    Map<String, ?> values = Map.of("hidden", hidden, "activation", activation);
    loss = (Mlp.Loss) provider.create(HyperParameters.resolve(provider, values));
    stream = new RandomStream(seed);
    loss.useStream(stream);
    batches = new Minibatches(loss.data.rows(), batchSize);
    rows = new int[batchSize];
    objective = new MinibatchObjective<>(loss, loss.data.rows(), batchSize);
    ((MinibatchObjective<?>) objective).useStream(new RandomStream(seed + 1));
  }

  /** The mlp's Glorot start from the seeded stream. */
  public double[] start() {
    return loss.defaultStart().orElseThrow();
  }

  /**
   * The next batch's mean loss gradient, written into {@code gradient}, as a training step has it.
   */
  public void batchGradient(double[] x, double[] gradient) {
    int count = batches.next(stream, rows);
    loss.batchGradient(x, rows, count, gradient);
  }

  /** The mean loss gradient over rows {@code rows[0 … count)}, for checking a baseline. */
  public void batchGradient(double[] x, int[] rows, int count, double[] gradient) {
    loss.batchGradient(x, rows, count, gradient);
  }

  /**
   * The objective a suite run with {@code batch_size} steps on: the full training loss and the next
   * batch's gradient.
   */
  public Objective objective() {
    return objective;
  }

  /** The digits' pixels, row-major (1,797 × 64), for a baseline that reads the same data. */
  public double[] features() {
    return loss.data.features();
  }

  /** The digits' labels 0 … 9, one per row. */
  public double[] labels() {
    return loss.data.targets();
  }
}
