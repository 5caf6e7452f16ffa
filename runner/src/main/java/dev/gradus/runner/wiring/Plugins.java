package dev.gradus.runner.wiring;

import com.google.inject.Module;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every provider and plugin Guice module found with {@link ServiceLoader}: the built-ins on the
 * class path. Duplicate ids fail here, naming both sources.
 */
public final class Plugins {
  private final ProviderRegistry<OptimizerProvider> optimizers;
  private final ProviderRegistry<ObjectiveProvider> objectives;
  private final List<Module> guiceModules;

  private Plugins(
      ProviderRegistry<OptimizerProvider> optimizers,
      ProviderRegistry<ObjectiveProvider> objectives,
      List<Module> guiceModules) {
    this.optimizers = optimizers;
    this.objectives = objectives;
    this.guiceModules = List.copyOf(guiceModules);
  }

  /** Discovers providers and modules through {@code loader}. */
  public static Plugins discover(ClassLoader loader) {
    List<Module> modules = new ArrayList<>();
    for (Module module : ServiceLoader.load(Module.class, loader)) {
      modules.add(module);
    }
    return new Plugins(
        ProviderRegistry.load(OptimizerProvider.class, loader),
        ProviderRegistry.load(ObjectiveProvider.class, loader),
        modules);
  }

  public ProviderRegistry<OptimizerProvider> optimizers() {
    return optimizers;
  }

  public ProviderRegistry<ObjectiveProvider> objectives() {
    return objectives;
  }

  public List<Module> guiceModules() {
    return guiceModules;
  }
}
