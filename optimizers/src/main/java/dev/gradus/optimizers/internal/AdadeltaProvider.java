package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code adadelta}: torch.optim.Adadelta (Zeiler, 2012). */
public final class AdadeltaProvider implements OptimizerProvider {
  private static final Adadelta.Config DEFAULTS = Adadelta.Config.DEFAULTS;

  @Override
  public String id() {
    return "adadelta";
  }

  @Override
  public String description() {
    return "torch.optim.Adadelta (Zeiler, 2012)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adadelta(id(), DEFAULTS.with(values));
  }
}
