package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.Range;
import java.util.List;

/**
 * {@code lbfgs}: torch.optim.LBFGS (Liu &amp; Nocedal, 1989), with optional strong-Wolfe search.
 */
public final class LbfgsProvider implements OptimizerProvider {
  private static final Lbfgs.Config DEFAULTS = Lbfgs.Config.DEFAULTS;

  @Override
  public String id() {
    return Lbfgs.ID;
  }

  @Override
  public String description() {
    return "limited-memory BFGS, several iterations per step (torch.optim.LBFGS)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        HyperParameter.real("lr", DEFAULTS.lr(), Range.atLeast(0), "step length scale γ"),
        HyperParameter.integer(
            "max_iter",
            DEFAULTS.maxIter(),
            Range.closed(1, Integer.MAX_VALUE),
            "iterations per step"),
        HyperParameter.integer(
            "max_eval",
            DEFAULTS.maxEval(),
            Range.atLeast(0),
            "evaluations per step; 0 means max_iter·5/4 (torch's default)"),
        HyperParameter.real(
            "tolerance_grad",
            DEFAULTS.toleranceGrad(),
            Range.atLeast(0),
            "stop when max |∇f| is at most this"),
        HyperParameter.real(
            "tolerance_change",
            DEFAULTS.toleranceChange(),
            Range.atLeast(0),
            "stop when the step or the change in f is below this"),
        HyperParameter.integer(
            "history_size",
            DEFAULTS.historySize(),
            Range.closed(1, 100_000),
            "number of (s, y) pairs kept"),
        HyperParameter.choice(
            "line_search",
            DEFAULTS.lineSearch(),
            List.of(Lbfgs.NONE, Lbfgs.STRONG_WOLFE),
            "line search: none (fixed step) or strong_wolfe"));
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Lbfgs(
        new Lbfgs.Config(
            values.real("lr"),
            values.integer("max_iter"),
            values.integer("max_eval"),
            values.real("tolerance_grad"),
            values.real("tolerance_change"),
            values.integer("history_size"),
            values.text("line_search")));
  }
}
