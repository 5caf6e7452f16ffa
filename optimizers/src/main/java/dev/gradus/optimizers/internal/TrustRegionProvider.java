package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code trust-region}: trust region with the Steihaug-Toint CG step, Hessian-free (Nocedal &amp;
 * Wright, Algorithms 4.1 and 7.2); scipy trust-ncg's defaults.
 */
public final class TrustRegionProvider implements OptimizerProvider {
  @Override
  public String id() {
    return TrustRegion.ID;
  }

  @Override
  public String description() {
    return "trust region with the Steihaug-Toint CG step, Hessian-free (Nocedal & Wright, Algorithms 4.1 and 7.2); scipy trust-ncg's defaults";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return TrustRegion.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new TrustRegion(TrustRegion.Config.of(values));
  }
}
