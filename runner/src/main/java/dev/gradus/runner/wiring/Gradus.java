package dev.gradus.runner.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.plan.Planner;
import dev.gradus.spi.RunListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wired application. Providers (built-in and plugin alike) are found once, by {@link
 * Plugins#discover}, and reach the planner through their registries; Guice wires what is really
 * injected: the run listeners (a {@code Multibinder}, which plugins' Guice modules add to).
 */
public final class Gradus {
  /** The version of this Gradus build, from the runner jar's manifest. */
  public static final String VERSION = versionFromManifest();

  private final Injector injector;
  private final Plugins plugins;

  private Gradus(Injector injector, Plugins plugins) {
    this.injector = injector;
    this.plugins = plugins;
  }

  /**
   * @throws PluginException naming the jar and the hook when a plugin's Guice module fails
   */
  public static Gradus create(Plugins plugins, boolean progress) {
    try {
      return new Gradus(Guice.createInjector(new GradusModule(plugins, progress)), plugins);
    } catch (com.google.inject.CreationException e) {
      for (com.google.inject.spi.Message message : e.getErrorMessages()) {
        if (message.getCause() instanceof PluginException plugin) {
          throw plugin;
        }
      }
      com.google.inject.spi.Message first = e.getErrorMessages().iterator().next();
      throw new PluginException(
          "a plugin's Guice module cannot be wired: "
              + first.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  public Plugins plugins() {
    return plugins;
  }

  public Planner planner() {
    return new Planner(plugins.objectives(), plugins.optimizers(), new DefaultExtensions());
  }

  public List<RunListener> listeners() {
    return new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<RunListener>>() {})));
  }

  /** The pipeline every front end runs suites through. */
  public Pipeline pipeline() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("gradus", VERSION);
    versions.put("spi", dev.gradus.spi.Spi.VERSION);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (PluginJar jar : plugins.jars()) {
      versions.put(jar.name(), jar.version() + " sha256:" + jar.sha256());
      hashes.put(jar.name(), jar.sha256());
    }
    return new Pipeline(planner(), listeners(), versions, hashes);
  }

  private static String versionFromManifest() {
    String version = Gradus.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
