package dev.gradus.plugins.csvlistener;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import dev.gradus.spi.RunListener;

/**
 * Adds {@link CsvRunListener} to the runner's set of run listeners. The runner finds this module
 * through {@code META-INF/services/com.google.inject.Module} and installs it next to its own, so
 * the {@link Multibinder} contributions merge into one {@code Set<RunListener>}.
 */
public final class CsvListenerModule extends AbstractModule {
  @Override
  protected void configure() {
    // one instance per injector: it gathers the index rows of every run of the suite
    Multibinder.newSetBinder(binder(), RunListener.class)
        .addBinding()
        .to(CsvRunListener.class)
        .in(Scopes.SINGLETON);
  }
}
