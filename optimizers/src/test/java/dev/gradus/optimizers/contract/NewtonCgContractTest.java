package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.NewtonCgProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class NewtonCgContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new NewtonCgProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 1.0, "max_cg_iterations", 5);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(Map.of("lr", -1.0), Map.of("max_cg_iterations", 0));
  }
}
