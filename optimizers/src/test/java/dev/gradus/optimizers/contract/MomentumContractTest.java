package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.MomentumProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class MomentumContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new MomentumProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1),
        Map.of("momentum", -0.5),
        Map.of("nesterov", true, "dampening", 0.5),
        Map.of("nesterov", true, "momentum", 0),
        Map.of("dampening", 1.5),
        Map.of("momentun", 0.9));
  }
}
