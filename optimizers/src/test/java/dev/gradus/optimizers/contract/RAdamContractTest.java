package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.RAdamProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class RAdamContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new RAdamProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "weight_decay", 0.01, "decoupled_weight_decay", true);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(Map.of("lr", -1), Map.of("betas", List.of(0.9, 1.2)), Map.of("eps", -1));
  }
}
