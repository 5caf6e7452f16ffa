package dev.gradus.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.gradus.runner.run.ConvergenceLogger;
import dev.gradus.runner.run.ProgressListener;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.RunListener;
import java.util.List;

/**
 * Binds every provider id in a {@link MapBinder} (one for optimizers, one for objectives) and every
 * run listener in a {@link Multibinder}, then installs the Guice modules that plugins contribute.
 * Ids are already known to be unique: {@link Plugins} refuses duplicates with both sources named
 * before Guice sees them.
 */
public final class GradusModule extends AbstractModule {
  private final Plugins plugins;
  private final boolean progress;

  public GradusModule(Plugins plugins, boolean progress) {
    this.plugins = plugins;
    this.progress = progress;
  }

  @Override
  protected void configure() {
    MapBinder<String, OptimizerProvider> optimizers =
        MapBinder.newMapBinder(binder(), String.class, OptimizerProvider.class);
    plugins.optimizers().all().forEach(p -> optimizers.addBinding(p.id()).toInstance(p));
    MapBinder<String, ObjectiveProvider> objectives =
        MapBinder.newMapBinder(binder(), String.class, ObjectiveProvider.class);
    plugins.objectives().all().forEach(p -> objectives.addBinding(p.id()).toInstance(p));

    Multibinder<RunListener> listeners = Multibinder.newSetBinder(binder(), RunListener.class);
    listeners.addBinding().to(ConvergenceLogger.class);
    listeners.addBinding().toInstance(new ProgressListener(progress));
    bind(Plugins.class).toInstance(plugins);

    List<Module> contributed = plugins.guiceModules();
    contributed.forEach(this::install);
  }
}
