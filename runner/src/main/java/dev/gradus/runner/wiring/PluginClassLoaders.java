package dev.gradus.runner.wiring;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK, the Gradus SPI and graph (so
 * that plugin and runner agree on {@code dev.gradus.spi.OptimizerProvider} and friends), Guice (for
 * plugins that contribute a Guice module) and the SLF4J API, and nothing else. A plugin's own
 * dependencies, and the runner's (Jackson, picocli, Logback...), therefore never clash. It also
 * hides the runner's resources, so that {@link java.util.ServiceLoader} on a plugin's loader finds
 * only that plugin's providers.
 */
final class PluginClassLoaders {
  static final List<String> SHARED_PACKAGES =
      List.of(
          "dev.gradus.spi.",
          "dev.gradus.graph.",
          "com.google.inject.",
          "jakarta.inject.",
          "javax.inject.",
          "org.aopalliance.",
          "org.slf4j.");

  private PluginClassLoaders() {}

  /** A parent that exposes only {@link #SHARED_PACKAGES} of {@code application}, plus the JDK. */
  static ClassLoader sharedApi(ClassLoader application) {
    return new SharedApiLoader(application);
  }

  private static final class SharedApiLoader extends ClassLoader {
    private final ClassLoader application;

    SharedApiLoader(ClassLoader application) {
      super("gradus-plugin-api", ClassLoader.getPlatformClassLoader());
      this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String shared : SHARED_PACKAGES) {
        if (name.startsWith(shared)) {
          return application.loadClass(name);
        }
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith("META-INF/services/")
          ? Collections.emptyEnumeration()
          : getParent().getResources(name);
    }
  }
}
