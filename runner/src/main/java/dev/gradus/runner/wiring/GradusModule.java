package dev.gradus.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.gradus.runner.run.ConvergenceLogger;
import dev.gradus.runner.run.Origins;
import dev.gradus.runner.run.ProgressListener;
import dev.gradus.spi.RunListener;
import java.util.List;

/**
 * Binds every run listener in a {@link Multibinder}, then installs the Guice modules that plugins
 * contribute (which may add listeners of their own). Providers are not bound here: they reach the
 * planner through the registries of {@link Plugins}, the one discovery path for built-ins and
 * plugin jars, which refuses duplicate ids with both sources named.
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
    Multibinder<RunListener> listeners = Multibinder.newSetBinder(binder(), RunListener.class);
    listeners.addBinding().to(ConvergenceLogger.class);
    listeners.addBinding().toInstance(new ProgressListener(progress));
    bind(Plugins.class).toInstance(plugins);

    List<Module> contributed = plugins.guiceModules();
    for (Module module : contributed) {
      try {
        module.configure(binder());
      } catch (RuntimeException | LinkageError e) {
        throw new PluginException(
            Origins.of(module)
                + ": its Guice module "
                + module.getClass().getName()
                + " failed in configure(): "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
            e);
      }
    }
  }
}
