package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.MuonProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class MuonContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new MuonProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.02, "weight_decay", 0.0, "fallback_lr", 0.02);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3),
        Map.of("momentum", 1.0),
        Map.of("ns_steps", 0),
        Map.of("ns_coefficients", List.of(3.4445, -4.775)),
        Map.of("adjust_lr_fn", "spectral"),
        Map.of("fallback_betas", List.of(0.9, 1.0)),
        Map.of("fallback_lr", -1.0),
        Map.of("weight_decay", -0.1));
  }
}
