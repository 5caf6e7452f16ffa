package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdamaxProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdamaxContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdamaxProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "betas", List.of(0.8, 0.99), "weight_decay", 0.01);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(Map.of("lr", -1), Map.of("betas", List.of(0.9, 1.2)), Map.of("eps", -1));
  }
}
