package dev.gradus.optimizers;

import java.util.List;

/** torch SequentialLR's closed form: the schedule whose span holds t, at t minus its start. */
final class Sequential implements Schedule {
  /**
   * Why a momentum-cycling schedule is refused: a sequence would drop its momentum silently, and
   * torch's (the last momentum a scheduler set, held through the other spans) is not a function of
   * t.
   */
  static final String CYCLING =
      "sequential.schedules: a cyclic or one_cycle schedule with cycle_momentum is not allowed in a"
          + " sequence (its momentum would not reach the optimizer, and torch's SequentialLR keeps"
          + " the last momentum set through the other schedules' spans, which Gradus cannot"
          + " reproduce); set cycle_momentum: false";

  private final Schedule[] schedules;
  private final long[] milestones;

  Sequential(List<Schedule> schedules, List<Long> milestones) {
    if (schedules.isEmpty()) {
      throw new IllegalArgumentException("schedules = [] is not allowed: must name one or more");
    }
    this.milestones = Schedules.increasing("milestones", milestones);
    if (this.milestones.length != schedules.size() - 1) {
      throw new IllegalArgumentException(
          "milestones = "
              + milestones
              + " is not allowed: must have one entry fewer than the "
              + schedules.size()
              + " schedules");
    }
    for (Schedule schedule : schedules) {
      if (schedule.cyclesMomentum()) {
        throw new IllegalArgumentException(CYCLING);
      }
    }
    this.schedules = schedules.toArray(new Schedule[0]);
  }

  @Override
  public double lr(long step, double baseLr) {
    int index = Schedules.countAtMost(milestones, step);
    long start = index == 0 ? 0 : milestones[index - 1];
    return schedules[index].lr(step - start, baseLr);
  }
}
