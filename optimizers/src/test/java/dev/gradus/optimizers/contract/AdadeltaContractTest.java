package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdadeltaProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdadeltaContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdadeltaProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.5, "rho", 0.8, "weight_decay", 0.01);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(Map.of("lr", -1), Map.of("rho", 1.1), Map.of("eps", -1));
  }
}
