package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code adamw}: torch.optim.AdamW, Adam with decoupled weight decay (Loshchilov &amp; Hutter,
 * 2019).
 */
public final class AdamWProvider implements OptimizerProvider {
  private static final Adam.Config DEFAULTS = Adam.Config.ADAMW;

  @Override
  public String id() {
    return "adamw";
  }

  @Override
  public String description() {
    return "torch.optim.AdamW, Adam with decoupled weight decay (Loshchilov & Hutter, 2019)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adam(id(), DEFAULTS.with(values));
  }
}
