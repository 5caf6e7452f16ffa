package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code muon}: MomentUm Orthogonalized by Newton–Schulz (Jordan et al., 2024), torch.optim.Muon on
 * the matrix blocks, AdamW on the rest.
 */
public final class MuonProvider implements OptimizerProvider {
  private static final Muon.Config DEFAULTS = Muon.Config.DEFAULTS;

  @Override
  public String id() {
    return Muon.ID;
  }

  @Override
  public String description() {
    return "Muon, SGD-Nesterov momentum orthogonalised by 5 Newton–Schulz steps on each matrix"
        + " block, as torch.optim.Muon (Jordan et al., 2024, github.com/KellerJordan/Muon);"
        + " non-matrix blocks (biases, and the whole vector of an objective without matrix"
        + " blocks) take AdamW steps with the fallback_* hyperparameters";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Muon(DEFAULTS.with(values));
  }
}
