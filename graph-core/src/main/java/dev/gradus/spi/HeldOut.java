package dev.gradus.spi;

import java.util.List;

/**
 * Metrics of a point on data the objective does not train on (SPI 1.2), such as a regression's test
 * split; an objective offers them through {@link Objective#heldOut()}. The runner evaluates them at
 * the run's final point and records each under its name in {@code runs.jsonl} and {@code runs.csv}.
 */
public interface HeldOut {
  /** The full training loss at x: f on every training row, as {@link Objective#value} is. */
  String TRAIN_LOSS = "train_loss";

  /** The loss at x on the held-out rows. */
  String TEST_LOSS = "test_loss";

  /** The share of held-out rows whose class x predicts right, in [0, 1]. */
  String TEST_ACCURACY = "test_accuracy";

  /**
   * The names the runner records: {@link #TRAIN_LOSS}, {@link #TEST_LOSS}, {@link #TEST_ACCURACY}.
   */
  List<String> NAMES = List.of(TRAIN_LOSS, TEST_LOSS, TEST_ACCURACY);

  /** The metrics this objective has, a non-empty subset of {@link #NAMES} in that order. */
  List<String> names();

  /**
   * The metrics at x, in the order of {@link #names()}; must not keep or modify x.
   *
   * @throws IllegalArgumentException for a point of the wrong length
   */
  double[] at(double[] x);
}
