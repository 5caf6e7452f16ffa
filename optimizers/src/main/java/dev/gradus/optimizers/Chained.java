package dev.gradus.optimizers;

import java.util.List;

/**
 * torch ChainedScheduler over schedules whose torch update is "current rate times a factor of t":
 * the factors multiply, so the chain is each schedule applied in turn to the previous one's rate.
 */
final class Chained implements FactorSchedule {
  private final Schedule[] schedules;

  Chained(List<Schedule> schedules) {
    if (schedules.isEmpty()) {
      throw new IllegalArgumentException("schedulers = [] is not allowed: must name one or more");
    }
    for (int i = 0; i < schedules.size(); i++) {
      if (!(schedules.get(i) instanceof FactorSchedule)) {
        throw new IllegalArgumentException(
            "schedulers["
                + i
                + "] is not allowed: chained takes step, multistep, exponential, constant, linear,"
                + " polynomial, multiplicative or chained schedules, whose torch updates multiply"
                + " the current rate; torch's recursive update of the others (cosine's, cyclic's,"
                + " one_cycle's, ...) does not factor, so Gradus cannot reproduce their chain"
                + " exactly");
      }
    }
    this.schedules = schedules.toArray(new Schedule[0]);
  }

  @Override
  public double lr(long step, double baseLr) {
    double lr = baseLr;
    for (Schedule schedule : schedules) {
      lr = schedule.lr(step, lr);
    }
    return lr;
  }
}
