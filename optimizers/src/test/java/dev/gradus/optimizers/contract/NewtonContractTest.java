package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.NewtonProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class NewtonContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new NewtonProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 1.0, "damping", 0.01);
  }

  @Override
  protected int maxDimension() {
    return 2000;
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(Map.of("lr", 0.0), Map.of("damping", -1e-3));
  }
}
