package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.TrustRegionProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class TrustRegionContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new TrustRegionProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("initial_radius", 0.5, "eta", 0.1);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("initial_radius", 0.0),
        Map.of("eta", 0.25),
        Map.of("initial_radius", 10.0, "max_radius", 1.0),
        Map.of("max_cg_iterations", 0));
  }
}
