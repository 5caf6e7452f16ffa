package dev.gradus.optimizers;

import java.util.List;

/**
 * A learning-rate schedule driven by the objective's values, such as torch's ReduceLROnPlateau:
 * unlike a pure {@link Schedule}, it has state, which {@link Optimizers#compose} keeps in the
 * composed optimizer's state (and snapshot, under {@code schedule.<name>}), so that a restored run
 * resumes it exactly. The object itself holds only its configuration and is thread-safe.
 *
 * <p>Order, as torch's loop {@code loss = f(x_t); optimizer.step(); scheduler.step(loss)}: step t
 * runs with {@link #lr(double[], double)} of the current state, then {@link #observe} sees f(x_t),
 * the value at which step t's gradient was taken (with minibatches, that batch's loss).
 *
 * <p>As a plain {@link Schedule} it is the rate of a fresh state at every step.
 */
public interface LossDrivenSchedule extends Schedule {
  /** The names of the state's scalars, in order (snapshot keys, after {@code schedule.}). */
  List<String> stateNames();

  /** A fresh state: {@link #stateNames()}.size() scalars. */
  double[] initialState();

  /** The learning rate of a group whose base rate is {@code baseLr}, given {@code state}. */
  double lr(double[] state, double baseLr);

  /** Updates {@code state} after a step taken at a point where the objective was {@code value}. */
  void observe(double[] state, double value);

  /**
   * Throws {@link IllegalArgumentException} naming the entry unless {@code state} is one this
   * schedule can reach (used when a snapshot is restored).
   */
  void check(double[] state);

  @Override
  default double lr(long step, double baseLr) {
    return lr(initialState(), baseLr);
  }
}
