package dev.gradus.runner.wiring;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plugin jars in tests: compiles sources with the JDK's compiler and packs them. */
public final class TestJars {
  private TestJars() {}

  /**
   * Compiles {@code sources} (class name → source) against the test class path and writes a jar
   * with the given service files (service type → provider class names) and manifest attributes.
   */
  public static Path build(
      Path folder,
      String jarName,
      Map<String, String> sources,
      Map<String, String> services,
      Map<String, String> manifest)
      throws IOException {
    Path work =
        Files.createTempDirectory(
            folder.getParent() == null ? folder : folder.getParent(), "build-");
    Path src = work.resolve("src");
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-proc:none"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int code = compiler.run(null, null, System.err, args.toArray(new String[0]));
    if (code != 0) {
      throw new IllegalStateException("test plugin sources do not compile");
    }
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
    Files.createDirectories(folder);
    Path jar = folder.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          out.write(Files.readAllBytes(file));
          out.closeEntry();
        }
      }
      for (Map.Entry<String, String> e : services.entrySet()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  public static Map<String, String> manifest(String spiVersion, String version) {
    return Map.of("Gradus-Spi-Version", spiVersion, "Implementation-Version", version);
  }

  public static void writeGarbage(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A complete optimizer provider with the given id whose step calls {@code stepBody}. */
  public static String optimizer(
      String pkg, String className, String id, String constructorBody, String stepBody) {
    return """
        package %1$s;

        import dev.gradus.spi.*;
        import java.util.List;
        import java.util.Map;

        public class %2$s implements OptimizerProvider {
          public %2$s() {
            %4$s
          }

          @Override public String id() { return "%3$s"; }

          @Override public String description() {
            boolean seesJackson;
            try {
              Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, getClass().getClassLoader());
              seesJackson = true;
            } catch (ClassNotFoundException e) {
              seesJackson = false;
            }
            return "test optimizer; sees runner's Jackson: " + seesJackson;
          }

          @Override public List<HyperParameter> hyperParameters() {
            return List.of(HyperParameter.real("lr", 0.1, Range.greaterThan(0), "step size"));
          }

          @Override public Optimizer create(HyperParameters values) {
            double lr0 = values.real("lr");
            return new Optimizer() {
              @Override public String id() { return "%3$s"; }
              @Override public double learningRate() { return lr0; }
              @Override public OptimizerState init(int dimension) { return state(dimension); }
              @Override public void step(double[] x, double f, double[] g, double lr, OptimizerState s, Evaluator e) {
                %5$s
                for (int i = 0; i < x.length; i++) {
                  x[i] -= lr * Math.signum(g[i]);
                }
              }
              @Override public OptimizerState restore(StateSnapshot snapshot, int dimension) {
                snapshot.requireFrom(id(), dimension);
                return state(dimension);
              }
              private OptimizerState state(int dimension) {
                return new OptimizerState() {
                  @Override public int dimension() { return dimension; }
                  @Override public StateSnapshot snapshot() {
                    return new StateSnapshot("%3$s", dimension, Map.of(), Map.of());
                  }
                };
              }
            };
          }
        }
        """
        .formatted(pkg, className, id, constructorBody, stepBody);
  }
}
