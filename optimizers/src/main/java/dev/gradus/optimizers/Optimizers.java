package dev.gradus.optimizers;

import dev.gradus.spi.Optimizer;
import java.util.Objects;

/** Ways to combine optimizers with schedules and clipping, as links in an optax-style chain. */
public final class Optimizers {
  private Optimizers() {}

  /**
   * {@code inner} with its gradient clipped by {@code clip} and its learning rate set by {@code
   * schedule} at each step. Step t (from 0) clips the gradient in place, then calls {@code inner}
   * with lr = schedule.lr(t, lr), where lr is the learning rate the caller passes (normally {@link
   * Optimizer#learningRate()}). Works with any optimizer, plugin ones included.
   *
   * <p>The composed state holds the inner state and the step counter t; its snapshot has the inner
   * snapshot's entries under the prefix {@code inner.} and the scalar {@code schedule_step}, and is
   * recorded under the inner optimizer's id.
   *
   * @param schedule {@link Schedule#constant()} for none
   * @param clip {@link GradientClip#none()} for none
   */
  public static ComposedOptimizer compose(Optimizer inner, Schedule schedule, GradientClip clip) {
    return new Composed(
        Objects.requireNonNull(inner, "inner"),
        Objects.requireNonNull(schedule, "schedule"),
        Objects.requireNonNull(clip, "clip"));
  }
}
