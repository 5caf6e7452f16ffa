package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdaBeliefProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdaBeliefContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdaBeliefProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3),
        Map.of("b1", -0.1),
        Map.of("b2", 1.0),
        Map.of("eps", -1e-16),
        Map.of("eps_root", -1e-16));
  }
}
