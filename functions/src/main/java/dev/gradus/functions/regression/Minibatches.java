package dev.gradus.functions.regression;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Range;

/**
 * Minibatches over n training rows as torch's {@code DataLoader(shuffle=True)} draws them: each
 * epoch a fresh permutation of the rows from the run's stream, cut into batches of {@code
 * batch_size} in order, the last batch of an epoch smaller when batch_size does not divide n. The
 * permutation and the place in it are the sampling state a checkpoint keeps.
 */
final class Minibatches {
  /** The regressions' {@code batch_size}: 0 for the full training set at every step. */
  static final HyperParameter BATCH_SIZE =
      HyperParameter.integer(
          "batch_size",
          0,
          Range.closed(0, Integer.MAX_VALUE),
          "rows per gradient: a minibatch drawn without replacement within each epoch; 0 for all"
              + " training rows (full batch)");

  private final int rows;
  private final int size;
  private final int[] order;
  private int next;

  /**
   * @param size rows per batch, at most {@code rows}
   */
  Minibatches(int rows, int size) {
    if (size < 1 || size > rows) {
      throw DataSpec.invalid(
          "batch_size = "
              + size
              + " is not allowed: must be in [1, "
              + rows
              + "] (the training rows)");
    }
    this.rows = rows;
    this.size = size;
    order = new int[rows];
    next = rows; // the first call shuffles
  }

  /** The rows of the next batch, written into {@code out}; returns how many there are. */
  int next(RandomStream stream, int[] out) {
    if (next == rows) {
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
      for (int i = rows - 1; i > 0; i--) {
        int j = stream.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      next = 0;
    }
    int count = Math.min(size, rows - next);
    System.arraycopy(order, next, out, 0, count);
    next += count;
    return count;
  }

  int size() {
    return size;
  }

  /** ⌈rows / size⌉: the batches of one epoch. */
  long stepsPerEpoch() {
    return (rows + size - 1) / size;
  }

  /**
   * The rows the first {@code steps} batches hold: every row per whole epoch, then full batches.
   */
  long samplesAfter(long steps) {
    long epoch = stepsPerEpoch();
    return steps / epoch * rows + Math.min(steps % epoch * size, rows);
  }

  /** {place, order...}. */
  long[] state() {
    long[] s = new long[rows + 1];
    s[0] = next;
    for (int i = 0; i < rows; i++) {
      s[i + 1] = order[i];
    }
    return s;
  }

  /**
   * Continues from {@link #state()}.
   *
   * @throws IllegalArgumentException for a state of other rows, or an order that is not a
   *     permutation in the middle of an epoch
   */
  void restore(long[] state) {
    if (state.length != rows + 1 || state[0] < 0 || state[0] > rows) {
      throw new IllegalArgumentException(
          "not the sampling state of " + rows + " rows: " + state.length + " numbers");
    }
    int place = (int) state[0];
    boolean[] seen = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      long r = state[i + 1];
      boolean valid = r >= 0 && r < rows && !seen[(int) r];
      // at an epoch's end the next call shuffles afresh, so the order does not matter
      if (!valid && place < rows) {
        throw new IllegalArgumentException("the sampling state is not a permutation of the rows");
      }
      if (valid) {
        seen[(int) r] = true;
      }
      order[i] = valid ? (int) r : 0;
    }
    next = place;
  }

  @Override
  public String toString() {
    return "batches of " + size + " of " + rows + " rows";
  }
}
