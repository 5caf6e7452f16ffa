package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.LambProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class LambContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LambProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.02, "weight_decay", 0.001);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3),
        Map.of("b1", 1.0),
        Map.of("b2", 1.5),
        Map.of("eps", -1e-6),
        Map.of("eps_root", -1e-9),
        Map.of("weight_decay", -0.1));
  }
}
