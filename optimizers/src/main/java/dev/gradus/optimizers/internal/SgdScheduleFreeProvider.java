package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code sgd-schedule-free}: Schedule-free SGD, gradients at y, answer x (Defazio et al., 2024, The
 * Road Less Scheduled, arXiv:2405.15682).
 */
public final class SgdScheduleFreeProvider implements OptimizerProvider {
  @Override
  public String id() {
    return "sgd-schedule-free";
  }

  @Override
  public String description() {
    return "Schedule-free SGD, gradients at y, answer x (Defazio et al., 2024, The Road Less Scheduled, arXiv:2405.15682)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return ScheduleFree.Config.SGD_DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new ScheduleFree(ScheduleFree.Config.SGD_DEFAULTS.with(values));
  }
}
