package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code adamw-schedule-free}: Schedule-free AdamW, gradients at y, answer x (Defazio et al., 2024,
 * The Road Less Scheduled, arXiv:2405.15682).
 */
public final class AdamWScheduleFreeProvider implements OptimizerProvider {
  @Override
  public String id() {
    return "adamw-schedule-free";
  }

  @Override
  public String description() {
    return "Schedule-free AdamW, gradients at y, answer x (Defazio et al., 2024, The Road Less Scheduled, arXiv:2405.15682)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return ScheduleFree.Config.ADAMW_DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new ScheduleFree(ScheduleFree.Config.ADAMW_DEFAULTS.with(values));
  }
}
