package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.LbfgsProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class LbfgsContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LbfgsProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("history_size", 5, "max_iter", 5, "line_search", "strong_wolfe");
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("history_size", 0),
        Map.of("max_iter", 0),
        Map.of("max_eval", -1),
        Map.of("line_search", "wolfe"),
        Map.of("tolerance_grad", -1e-7),
        Map.of("history_size", 2.5));
  }
}
