package dev.gradus.optimizers;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed builder of one built-in optimizer, from {@link Optimizers} ({@code
 * Optimizers.adam().lr(1e-2).build()}). It holds no defaults or ranges of its own: the provider's
 * {@link HyperParameter} declarations, the ones a suite is checked against and {@code ./gradus
 * describe} prints, are the only ones, so a builder and a suite that set the same values make the
 * same optimizer.
 *
 * <p>Each setter checks its value at once against that declaration and throws {@link
 * InvalidHyperParameterException} with the message a suite would get ({@code "adam.lr = -1.0 is not
 * allowed: must be a number in [0, ∞)"}); a parameter left unset keeps the provider's default.
 * Checks that span several values (Nesterov needing zero dampening) happen in {@link #build}. A
 * builder is mutable and not thread-safe; the optimizers it builds are immutable and may be shared.
 *
 * @param <B> the concrete builder, which each setter returns
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B>> {
  private final OptimizerProvider provider;
  private final Map<String, HyperParameter> declared = new LinkedHashMap<>();
  private final Map<String, Object> given = new LinkedHashMap<>();

  OptimizerBuilder(OptimizerProvider provider) {
    this.provider = provider;
    for (HyperParameter p : provider.hyperParameters()) {
      declared.put(p.name(), p);
    }
  }

  /** Sets {@code name} to {@code value} after checking it against the provider's declaration. */
  @SuppressWarnings("unchecked")
  final B set(String name, Object value) {
    HyperParameter p = declared.get(name);
    if (p == null) {
      // a builder out of step with its provider: OptimizerBuildersTest checks every setter
      throw new IllegalStateException("'" + provider.id() + "' declares no '" + name + "'");
    }
    HyperParameters.resolve(provider.id(), List.of(p), Map.of(name, value));
    given.put(name, value);
    return (B) this;
  }

  /** The optimizer's id, as a suite names it, such as {@code adam}. */
  public final String id() {
    return provider.id();
  }

  /** The provider's declarations: every name, type, default, range and doc, in order. */
  public final List<HyperParameter> hyperParameters() {
    return provider.hyperParameters();
  }

  /** The values {@link #build} uses: those set, and the provider's defaults for the rest. */
  public final HyperParameters values() {
    return HyperParameters.resolve(provider, given);
  }

  /**
   * The optimizer with these values; may be called again, after more setters, for another.
   *
   * @throws InvalidHyperParameterException when values conflict (such as {@code nesterov} with
   *     nonzero {@code dampening}), naming them
   */
  public final Optimizer build() {
    return provider.create(values());
  }

  /** The id and every value, as {@code adam{lr=0.01, betas=[0.9, 0.999], ...}}. */
  @Override
  public String toString() {
    return values().toString();
  }
}
