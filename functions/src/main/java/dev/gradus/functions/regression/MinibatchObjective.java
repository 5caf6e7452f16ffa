package dev.gradus.functions.regression;

import dev.gradus.functions.DelegatingObjective;
import dev.gradus.spi.Objective;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.SampledLoss;
import dev.gradus.spi.Stochastic;

/**
 * A regression trained on minibatches ({@code batch_size}): each gradient is the mean loss's
 * gradient on the next batch of {@link Minibatches}, while the value is the full training loss,
 * exact, so that what a run records, stops on and reports (f, its best, its gap) is the training
 * loss itself and never a batch's. The full value costs one forward pass over the training rows,
 * the gradient one pass over the batch; as a {@link SampledLoss} it lets the runner skip the full
 * pass at the iterations that record nothing.
 */
final class MinibatchObjective<L extends Objective & BatchLoss> extends DelegatingObjective
    implements SampledLoss {
  private final L loss;
  private final Minibatches batches;
  private final int[] batch;

  /** Rows of the last batch drawn into {@link #batch}; −1 before the first draw. */
  private int drawn = -1;

  private RandomStream stream = new RandomStream(0);

  /** {@code loss} trained on batches of {@code batchSize} of its rows; itself for batch size 0. */
  static <L extends Objective & BatchLoss> Objective of(L loss, int rows, long batchSize) {
    return batchSize == 0 ? loss : new MinibatchObjective<>(loss, rows, (int) batchSize);
  }

  MinibatchObjective(L loss, int rows, int batchSize) {
    super(loss);
    this.loss = loss;
    this.batches = new Minibatches(rows, batchSize);
    this.batch = new int[batchSize];
  }

  @Override
  public void useStream(RandomStream stream) {
    this.stream = stream;
    // a loss that draws itself (an initialisation) draws from the same stream, first
    if (loss instanceof Stochastic s) {
      s.useStream(stream);
    }
  }

  @Override
  public long[] samplingState() {
    return batches.state();
  }

  @Override
  public void restoreSamplingState(long[] state) {
    batches.restore(state);
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    double f = loss.value(x);
    int count = batches.next(stream, batch);
    drawn = count;
    loss.batchGradient(x, batch, count, gradient);
    return f;
  }

  /** The next batch's gradient and its mean loss: the same draws, without the full pass. */
  @Override
  public double sampledValueAndGradient(double[] x, double[] gradient) {
    int count = batches.next(stream, batch);
    drawn = count;
    return loss.batchGradient(x, batch, count, gradient);
  }

  /** The last batch's gradient and mean loss at {@code x}; the next batch if none was drawn. */
  @Override
  public double sameSampleValueAndGradient(double[] x, double[] gradient) {
    if (drawn < 0) {
      return sampledValueAndGradient(x, gradient);
    }
    return loss.batchGradient(x, batch, drawn, gradient);
  }

  @Override
  public java.util.OptionalLong stepsPerEpoch() {
    return java.util.OptionalLong.of(batches.stepsPerEpoch());
  }

  @Override
  public java.util.OptionalLong samplesAfter(long steps) {
    return java.util.OptionalLong.of(batches.samplesAfter(steps));
  }

  @Override
  public String toString() {
    return loss + ", " + batches;
  }
}
