package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.LarsProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class LarsContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LarsProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("trust_coefficient", 0.02, "nesterov", true);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1.0),
        Map.of("momentum", 1.0),
        Map.of("weight_decay", -0.1),
        Map.of("trust_coefficient", -0.001),
        Map.of("eps", -1e-9));
  }
}
