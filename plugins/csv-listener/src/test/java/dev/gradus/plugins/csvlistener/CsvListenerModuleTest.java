package dev.gradus.plugins.csvlistener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import dev.gradus.spi.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module as the runner uses it: found by ServiceLoader, installed next to the runner's own. */
class CsvListenerModuleTest {
  private static final Key<Set<RunListener>> LISTENERS = Key.get(new TypeLiteral<>() {});

  /** Stands in for a listener the runner binds itself. */
  static final class RunnersOwn implements RunListener {}

  @Test
  void theInjectorsListenerSetContainsTheCsvListener() {
    Injector injector = Guice.createInjector(new CsvListenerModule());
    Set<RunListener> listeners = injector.getInstance(LISTENERS);
    assertEquals(1, listeners.size());
    RunListener only = listeners.iterator().next();
    assertTrue(only instanceof CsvRunListener, only.getClass().getName());
    assertSame(
        only,
        injector.getInstance(LISTENERS).iterator().next(),
        "one listener per injector, so it sees every run of the suite");
  }

  @Test
  void itJoinsTheListenersOfTheRunnersOwnMultibinder() {
    Module runner =
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(RunnersOwn.class);
          }
        };
    Set<RunListener> listeners =
        Guice.createInjector(runner, new CsvListenerModule()).getInstance(LISTENERS);
    assertEquals(2, listeners.size());
    assertTrue(listeners.stream().anyMatch(l -> l instanceof RunnersOwn));
    assertTrue(listeners.stream().anyMatch(l -> l instanceof CsvRunListener));
  }

  @Test
  void serviceLoaderFindsTheModule() {
    List<Class<?>> found = new ArrayList<>();
    ServiceLoader.load(Module.class, getClass().getClassLoader())
        .forEach(module -> found.add(module.getClass()));
    assertEquals(List.of(CsvListenerModule.class), found);
  }
}
