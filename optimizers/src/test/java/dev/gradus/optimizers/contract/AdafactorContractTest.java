package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdafactorProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdafactorContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdafactorProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "weight_decay", 0.01, "d", 2.0);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1),
        Map.of("d", 0.9),
        Map.of("beta2_decay", 0.5),
        Map.of("eps", List.of(1e-30, -1.0)));
  }
}
