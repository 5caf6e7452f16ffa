package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.StateSnapshot;
import java.util.Map;

/**
 * Sharpness-aware minimization (Foret, Kleiner, Mobahi &amp; Neyshabur, 2021), with the adaptive
 * variant ASAM (Kwon, Kim, Park &amp; Choi, 2021): at x with gradient g, e = ρ T²g / ‖T g‖₂ (T = I,
 * or T = diag(|x|) when adaptive; e = 0 when T g = 0), evaluate ∇f(x + e) through the step's {@link
 * Evaluator} (one counted evaluation), put x back exactly, and let the inner optimizer step at x
 * with ∇f(x + e) and the value f(x) it was given.
 */
final class Sam extends Wrapper {
  private final Wrappers.SamConfig config;

  Sam(Optimizer inner, Wrappers.SamConfig config) {
    super(Wrappers.SAM, inner);
    this.config = config;
  }

  /** Only scratch: the point the perturbation leaves, to put it back bit for bit. */
  private static final class State extends Wrapper.State {
    final double[] saved;

    State(Wrapper owner, int dimension) {
      super(owner, dimension);
      saved = new double[dimension];
    }

    @Override
    void own(Map<String, double[]> arrays, Map<String, Double> scalars) {}
  }

  @Override
  Wrapper.State fresh(int dimension) {
    return new State(this, dimension);
  }

  @Override
  Wrapper.State restoreOwn(StateSnapshot own, int dimension) {
    if (!own.arrays().isEmpty() || !own.scalars().isEmpty()) {
      throw new IllegalArgumentException(
          "snapshot of sam around '"
              + own.optimizerId()
              + "' has entries of its own: "
              + own.arrays().keySet()
              + own.scalars().keySet()
              + "; sam keeps none (its inner state is under 'inner.')");
    }
    return new State(this, dimension);
  }

  @Override
  void wrapStep(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      Schedule schedule,
      long t,
      Wrapper.State wrapperState,
      Evaluator objective) {
    State state = (State) wrapperState;
    double[] saved = state.saved;
    int n = params.length;
    System.arraycopy(params, 0, saved, 0, n);
    boolean adaptive = config.adaptive();
    double sumOfSquares = 0;
    for (int i = 0; i < n; i++) {
      double scaled = adaptive ? Math.abs(saved[i]) * gradient[i] : gradient[i];
      sumOfSquares += scaled * scaled;
    }
    double norm = Math.sqrt(sumOfSquares);
    double scale = norm > 0 ? config.rho() / norm : 0;
    for (int i = 0; i < n; i++) {
      double weight = adaptive ? saved[i] * saved[i] : 1;
      params[i] = saved[i] + scale * weight * gradient[i];
    }
    objective.evaluate(params, gradient); // ∇f(x + e) replaces g
    System.arraycopy(saved, 0, params, 0, n);
    stepInner(params, value, gradient, lr, momentum, schedule, t, state, objective);
  }

  @Override
  public String toString() {
    return "sam(" + inner + ", " + config + ")";
  }
}
