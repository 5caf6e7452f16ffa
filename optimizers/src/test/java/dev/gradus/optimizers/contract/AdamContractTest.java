package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdamProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdamContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdamProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "amsgrad", true);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3),
        Map.of("betas", List.of(1.0, 0.999)),
        Map.of("betas", List.of(0.9, -0.1)),
        Map.of("betas", List.of(0.9)),
        Map.of("eps", -1e-8),
        Map.of("weight_decay", -0.1));
  }
}
