package dev.gradus.plugins.lion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Spi;
import dev.gradus.spi.contract.ObjectiveContract;
import dev.gradus.spi.contract.OptimizerContract;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Keeps docs/plugins.md honest without Maven: the files it shows (code blocks whose first line is a
 * {@code File: <path>} comment) are compiled, registered, contract-tested and run as a reader
 * would.
 */
class GuideTest {
  private static final Pattern FENCE = Pattern.compile("^```.*$");
  private static final Pattern MARKER =
      Pattern.compile("^(?://|#|<!--)\\s*File:\\s*(\\S+)\\s*(?:-->)?\\s*$");

  @TempDir Path project;

  /** The guide's files by path, in order of appearance, each exactly as the block shows it. */
  static Map<String, String> guideFiles() throws IOException {
    Path guide = Path.of(System.getProperty("basedir", ".")).resolve("../../docs/plugins.md");
    List<String> lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!FENCE.matcher(lines.get(i)).matches()) {
        continue;
      }
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).equals("```")) {
        end++;
      }
      List<String> block = lines.subList(i + 1, end);
      Matcher marker = block.isEmpty() ? null : MARKER.matcher(block.get(0));
      if (marker != null && marker.matches()) {
        String previous = files.put(marker.group(1), String.join("\n", block) + "\n");
        assertTrue(previous == null, "the guide shows " + marker.group(1) + " twice");
      }
      i = end;
    }
    return files;
  }

  @Test
  void theGuidesPluginCompilesLoadsPassesItsContractAndOptimizes() throws Exception {
    Map<String, String> files = guideFiles();
    List<String> sources = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = project.resolve(file.getKey());
      Files.createDirectories(target.getParent() == null ? project : target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      if (file.getKey().endsWith(".java")) {
        sources.add(file.getKey());
      }
    }
    String services = "src/main/resources/META-INF/services/dev.gradus.spi.OptimizerProvider";
    assertTrue(files.containsKey(services), "the guide shows the services file: " + files.keySet());
    assertTrue(
        files.containsKey("pom.xml") && files.containsKey("suite.yaml"), files.keySet().toString());

    Path mainClasses = project.resolve("target/classes");
    Path testClasses = project.resolve("target/test-classes");
    compile(filter(sources, "src/main/java/"), mainClasses, List.of());
    compile(filter(sources, "src/test/java/"), testClasses, List.of(mainClasses));
    String functionServices =
        "src/main/resources/META-INF/services/dev.gradus.spi.ObjectiveProvider";
    assertTrue(files.containsKey(functionServices), "the guide registers its function plugin");
    for (String file : List.of(services, functionServices)) {
      Path registered = mainClasses.resolve(file.substring("src/main/resources/".length()));
      Files.createDirectories(registered.getParent());
      Files.copy(project.resolve(file), registered);
    }

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {mainClasses.toUri().toURL(), testClasses.toUri().toURL()},
            getClass().getClassLoader())) {
      List<OptimizerProvider> found = new ArrayList<>();
      for (OptimizerProvider provider : ServiceLoader.load(OptimizerProvider.class, loader)) {
        if (provider.getClass().getClassLoader() == loader) {
          found.add(provider);
        }
      }
      assertEquals(1, found.size(), "providers the guide registers: " + found);
      OptimizerProvider provider = found.get(0);

      assertTrue(
          files.get("suite.yaml").contains("- name: " + provider.id() + "\n"),
          "the guide's suite uses '" + provider.id() + "'");
      decreasesAQuadratic(provider);
      List<String> tests = filter(sources, "src/test/java/");
      assertEquals(2, tests.size(), "a contract test for each plugin: " + tests);
      int contractTests = runContract(tests, OptimizerContract.class, loader);
      assertTrue(contractTests >= 8, "ran " + contractTests + " optimizer contract tests");

      List<ObjectiveProvider> functions = new ArrayList<>();
      for (ObjectiveProvider function : ServiceLoader.load(ObjectiveProvider.class, loader)) {
        if (function.getClass().getClassLoader() == loader) {
          functions.add(function);
        }
      }
      assertEquals(1, functions.size(), "functions the guide registers: " + functions);
      ObjectiveProvider function = functions.get(0);
      assertTrue(
          files.get("suite.yaml").contains("- name: " + function.id() + "\n"),
          "the guide's suite uses '" + function.id() + "'");
      isZeroAtItsMinimum(function);
      int functionTests = runContract(tests, ObjectiveContract.class, loader);
      assertTrue(functionTests >= 5, "ran " + functionTests + " function contract tests");
    }
  }

  /** The guide's f(0, 0) = 0 − 0.3 − 0.4 + 0.7 is exactly 0, with a zero gradient, as it says. */
  private static void isZeroAtItsMinimum(ObjectiveProvider provider) {
    Objective f = provider.create(HyperParameters.resolve(provider, Map.of()));
    double[] gradient = new double[2];
    assertEquals(0.0, f.valueAndGradient(new double[] {0, 0}, gradient));
    assertEquals(0.0, Math.abs(gradient[0]) + Math.abs(gradient[1]));
    assertEquals(0.0, f.knownMinimum().orElseThrow().value());
    // at (1, 0.5): cos 3π = −1 and cos 2π = 1, so 1 + 2·0.25 + 0.3 − 0.4 + 0.7 = 2.1
    assertEquals(2.1, f.valueAndGradient(new double[] {1, 0.5}, gradient), 1e-12);
  }

  @Test
  void theGuidesPomAsksForTheCurrentGraphCoreAndSpiVersion() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(guideFiles().get("pom.xml"))));
    Map<String, String> properties = new LinkedHashMap<>();
    for (Element property : children(first(pom.getDocumentElement(), "properties"))) {
      properties.put(property.getTagName(), property.getTextContent().trim());
    }
    String spi = first(pom.getDocumentElement(), "Gradus-Spi-Version").getTextContent().trim();
    assertEquals(Spi.VERSION, resolve(spi, properties), "Gradus-Spi-Version");

    List<String> graphCore = new ArrayList<>();
    NodeList dependencies = pom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (text(dependency, "artifactId").equals("graph-core")) {
        assertEquals("dev.gradus", text(dependency, "groupId"));
        assertEquals(
            System.getProperty("gradus.version"),
            resolve(text(dependency, "version"), properties),
            "graph-core version");
        graphCore.add(text(dependency, "type") + " " + text(dependency, "scope"));
      }
    }
    assertEquals(List.of(" provided", "test-jar test"), graphCore);
  }

  private static void decreasesAQuadratic(OptimizerProvider provider) {
    Optimizer optimizer = provider.create(HyperParameters.resolve(provider, Map.of()));
    double[] x = {1.0, -2.0, 0.5};
    double[] gradient = new double[3];
    OptimizerState state = optimizer.init(3);
    double start = quadratic(x, gradient);
    double value = start;
    for (int k = 0; k < 20; k++) {
      optimizer.step(x, value, gradient, optimizer.learningRate(), state, GuideTest::quadratic);
      value = quadratic(x, gradient);
    }
    assertTrue(value < start, "f went from " + start + " to " + value);
  }

  /** f(x) = Σ (i + 1) xᵢ². */
  private static double quadratic(double[] x, double[] gradient) {
    double f = 0;
    for (int i = 0; i < x.length; i++) {
      gradient[i] = 2 * (i + 1) * x[i];
      f += (i + 1) * x[i] * x[i];
    }
    return f;
  }

  /**
   * Runs every {@code @Test} method of the guide's one test class that extends {@code contract}, as
   * JUnit would.
   */
  private static int runContract(List<String> testSources, Class<?> contract, ClassLoader loader)
      throws Exception {
    List<Class<?>> extending = new ArrayList<>();
    for (String source : testSources) {
      String name =
          source.substring("src/test/java/".length()).replace(".java", "").replace('/', '.');
      Class<?> candidate = loader.loadClass(name);
      if (contract.isAssignableFrom(candidate)) {
        extending.add(candidate);
      }
    }
    assertEquals(1, extending.size(), "test classes extending " + contract.getSimpleName());
    Class<?> type = extending.get(0);
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    int ran = 0;
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Test.class)) {
          method.setAccessible(true);
          try {
            method.invoke(constructor.newInstance());
          } catch (InvocationTargetException e) {
            fail(
                "contract test " + method.getName() + " failed for the guide's plugin",
                e.getCause());
          }
          ran++;
        }
      }
    }
    return ran;
  }

  private static void compile(List<String> sources, Path out, List<Path> extra) throws IOException {
    assertTrue(!sources.isEmpty(), "nothing to compile into " + out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(out);
    List<Path> classPath = new ArrayList<>(extra);
    for (Class<?> type :
        new Class<?>[] {
          Spi.class, OptimizerContract.class, Test.class, org.opentest4j.AssertionFailedError.class
        }) {
      classPath.add(Path.of(codeSource(type)));
    }
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-Xlint:all,-processing",
              "-Werror",
              "-d",
              out.toString(),
              "-classpath",
              classPath.stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(java.io.File.pathSeparator)));
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(
              sources.stream().map(s -> out.getParent().getParent().resolve(s)).toList());
      boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
      assertTrue(ok, "the guide's Java does not compile: " + diagnostics.getDiagnostics());
    }
  }

  private static java.net.URI codeSource(Class<?> type) {
    try {
      return type.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> filter(List<String> paths, String prefix) {
    return paths.stream().filter(p -> p.startsWith(prefix)).toList();
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher reference = Pattern.compile("^\\$\\{(.+)}$").matcher(value);
    return reference.matches() ? properties.get(reference.group(1)) : value;
  }

  private static Element first(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    assertTrue(found.getLength() > 0, "the guide's pom has no <" + tag + ">");
    return (Element) found.item(0);
  }

  private static String text(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }
}
