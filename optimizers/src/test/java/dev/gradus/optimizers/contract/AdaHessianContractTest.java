package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdaHessianProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdaHessianContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdaHessianProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.1, "seed", 7);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -0.1),
        Map.of("betas", List.of(0.9, 1.0)),
        Map.of("hessian_power", 1.5),
        Map.of("eps", -1.0));
  }
}
