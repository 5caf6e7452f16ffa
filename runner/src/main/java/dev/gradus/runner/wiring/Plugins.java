package dev.gradus.runner.wiring;

import com.google.inject.Module;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.Provider;
import dev.gradus.spi.ProviderRegistry;
import dev.gradus.spi.Spi;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every provider and plugin Guice module: the built-ins on the class path, then each plugin jar of
 * the plugin folders. Each jar gets its own class loader whose parent shows only the SPI (see
 * {@link PluginClassLoaders}), so plugins cannot clash with each other or with Gradus. Everything
 * that can be wrong with a plugin fails here, at start-up, with the jar named: a corrupt jar, a
 * missing or incompatible {@code Gradus-Spi-Version}, a provider class that is missing, cannot be
 * instantiated or throws, and an id that another jar or a built-in already has.
 */
public final class Plugins {
  /** The manifest attribute that names the SPI version a plugin was built against. */
  public static final String SPI_VERSION_ATTRIBUTE = "Gradus-Spi-Version";

  private static final Logger log = LoggerFactory.getLogger(Plugins.class);

  private final ProviderRegistry<OptimizerProvider> optimizers;
  private final ProviderRegistry<ObjectiveProvider> objectives;
  private final List<Module> guiceModules;
  private final List<PluginJar> jars;
  private final Map<String, PluginJar> origins;

  private Plugins(
      ProviderRegistry<OptimizerProvider> optimizers,
      ProviderRegistry<ObjectiveProvider> objectives,
      List<Module> guiceModules,
      List<PluginJar> jars,
      Map<String, PluginJar> origins) {
    this.optimizers = optimizers;
    this.objectives = objectives;
    this.guiceModules = List.copyOf(guiceModules);
    this.jars = List.copyOf(jars);
    this.origins = Collections.unmodifiableMap(origins);
  }

  /** Only the built-ins found through {@code loader}. */
  public static Plugins discover(ClassLoader loader) {
    return discover(loader, List.of());
  }

  /**
   * The built-ins found through {@code application}, plus every {@code *.jar} in each folder, in
   * folder order and by file name within a folder.
   *
   * @throws PluginException naming the jar when a plugin cannot be loaded
   */
  public static Plugins discover(ClassLoader application, List<Path> folders) {
    ProviderRegistry.Builder<OptimizerProvider> optimizers =
        ProviderRegistry.builder(OptimizerProvider.class);
    ProviderRegistry.Builder<ObjectiveProvider> objectives =
        ProviderRegistry.builder(ObjectiveProvider.class);
    List<Module> modules = new ArrayList<>();
    Map<String, PluginJar> origins = new LinkedHashMap<>();
    addAll(
        optimizers,
        ServiceLoader.load(OptimizerProvider.class, application),
        "built-in",
        null,
        origins);
    addAll(
        objectives,
        ServiceLoader.load(ObjectiveProvider.class, application),
        "built-in",
        null,
        origins);
    ServiceLoader.load(Module.class, application).forEach(modules::add);

    List<PluginJar> jars = new ArrayList<>();
    ClassLoader parent = PluginClassLoaders.sharedApi(application);
    for (Path jarPath : jarsIn(folders)) {
      PluginJar jar = inspect(jarPath);
      refuseExitCalls(jarPath);
      URLClassLoader loader =
          new URLClassLoader("plugin " + jar.name(), new URL[] {url(jarPath)}, parent);
      String source = "plugin " + jar.name() + " " + jar.version();
      int before = origins.size();
      addAll(optimizers, ServiceLoader.load(OptimizerProvider.class, loader), source, jar, origins);
      addAll(objectives, ServiceLoader.load(ObjectiveProvider.class, loader), source, jar, origins);
      int guice = 0;
      try {
        for (Module module : ServiceLoader.load(Module.class, loader)) {
          modules.add(module);
          guice++;
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        throw new PluginException(
            "plugin jar " + jarPath + ": its Guice module cannot be loaded: " + rootMessage(e), e);
      }
      if (origins.size() == before && guice == 0) {
        throw new PluginException(
            "plugin jar "
                + jarPath
                + " holds no provider and no Guice module: add a"
                + " META-INF/services/dev.gradus.spi.OptimizerProvider (or ObjectiveProvider, or"
                + " com.google.inject.Module) file naming its classes");
      }
      jars.add(jar);
      log.debug(
          "loaded plugin {} ({} providers, {} modules)", jarPath, origins.size() - before, guice);
    }
    return new Plugins(optimizers.build(), objectives.build(), modules, jars, origins);
  }

  private static <P extends Provider> void addAll(
      ProviderRegistry.Builder<P> registry,
      ServiceLoader<P> loader,
      String source,
      PluginJar jar,
      Map<String, PluginJar> origins) {
    String where = jar == null ? "the class path" : "plugin jar " + jar.path();
    try {
      for (ServiceLoader.Provider<P> candidate :
          (Iterable<ServiceLoader.Provider<P>>) loader.stream()::iterator) {
        P provider;
        try {
          provider = candidate.get();
        } catch (ServiceConfigurationError | LinkageError e) {
          throw new PluginException(
              where
                  + ": provider "
                  + candidate.type().getName()
                  + " cannot be created: "
                  + rootMessage(e),
              e);
        }
        try {
          registry.add(provider, provider.getClass().getName() + " from " + source);
        } catch (IllegalStateException e) {
          throw new PluginException(where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
          throw new PluginException(
              where + ": provider " + provider.getClass().getName() + " failed: " + rootMessage(e),
              e);
        }
        origins.put(kindOf(provider) + ":" + provider.id(), jar);
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new PluginException(where + ": a provider cannot be loaded: " + rootMessage(e), e);
    }
  }

  /** A plugin may not end the JVM: its classes must not call System.exit or Runtime.exit/halt. */
  private static void refuseExitCalls(Path jarPath) {
    List<String> calls;
    try {
      calls = ExitCalls.in(jarPath);
    } catch (IOException e) {
      throw new PluginException(
          "plugin jar " + jarPath + ": its classes cannot be read: " + e.getMessage(), e);
    }
    if (!calls.isEmpty()) {
      throw new PluginException(
          "plugin jar "
              + jarPath
              + " would end the JVM from inside a suite, losing its summary: "
              + String.join("; ", calls.subList(0, Math.min(3, calls.size())))
              + (calls.size() > 3 ? "; …" : "")
              + ". Throw an exception instead (it fails only that run)");
    }
  }

  private static String kindOf(Provider provider) {
    return provider instanceof OptimizerProvider ? "optimizer" : "function";
  }

  private static List<Path> jarsIn(List<Path> folders) {
    List<Path> jars = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new PluginException(
            "plugins folder " + folder + " does not exist or is not a folder");
      }
      try (Stream<Path> files = Files.list(folder)) {
        files
            .sorted()
            .forEach(
                file -> {
                  if (file.getFileName().toString().endsWith(".jar")) {
                    jars.add(file);
                  } else if (Files.isRegularFile(file)) {
                    log.warn(
                        "ignoring {} in the plugins folder: only .jar files are plugins", file);
                  }
                });
      } catch (IOException e) {
        throw new PluginException(
            "cannot list plugins folder " + folder + ": " + e.getMessage(), e);
      }
    }
    return jars;
  }

  /** Reads and checks a jar's manifest before any of its classes is loaded. */
  static PluginJar inspect(Path jarPath) {
    Manifest manifest;
    try (JarFile jar = new JarFile(jarPath.toFile(), true)) {
      manifest = jar.getManifest();
    } catch (IOException | SecurityException e) {
      throw new PluginException(
          "plugin jar " + jarPath + " is corrupt or not a jar: " + rootMessage(e), e);
    }
    Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
    String spi = main.getValue(SPI_VERSION_ATTRIBUTE);
    if (spi == null) {
      throw new PluginException(
          "plugin jar "
              + jarPath
              + " does not say which Gradus SPI it was built for: add '"
              + SPI_VERSION_ATTRIBUTE
              + ": "
              + Spi.VERSION
              + "' to its manifest (see docs/plugins.md)");
    }
    boolean supported;
    try {
      supported = Spi.supports(spi);
    } catch (IllegalArgumentException e) {
      throw new PluginException("plugin jar " + jarPath + ": " + e.getMessage(), e);
    }
    if (!supported) {
      throw new PluginException(
          "plugin jar "
              + jarPath
              + " was built for Gradus SPI "
              + spi
              + ", but this Gradus provides SPI "
              + Spi.VERSION
              + ": rebuild the plugin against SPI "
              + Spi.VERSION);
    }
    String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    return new PluginJar(jarPath, version == null ? "unversioned" : version, spi, sha256(jarPath));
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new PluginException("cannot read plugin jar " + file + ": " + e.getMessage(), e);
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new PluginException("plugin jar " + jar + " has no URL: " + e.getMessage(), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      message
          .append(" (caused by ")
          .append(root.getClass().getSimpleName())
          .append(": ")
          .append(root.getMessage())
          .append(')');
    }
    return message.toString();
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

  /** The plugin jars loaded, in load order. */
  public List<PluginJar> jars() {
    return jars;
  }

  /** The jar an optimizer or function came from, or null for a built-in. */
  public PluginJar originOf(Provider provider) {
    return origins.get(kindOf(provider) + ":" + provider.id());
  }

  /** The default plugin folder: {@code $GRADUS_HOME/plugins}, else {@code ~/.gradus/plugins}. */
  public static Path defaultFolder() {
    String home = System.getenv("GRADUS_HOME");
    Path base =
        home != null && !home.isBlank()
            ? Path.of(home)
            : Path.of(System.getProperty("user.home"), ".gradus");
    return base.resolve("plugins");
  }
}
