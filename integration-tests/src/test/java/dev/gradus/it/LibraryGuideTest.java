package dev.gradus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/library.md honest: it opens with a complete program of at most 25 lines, and every
 * {@code java} block on the page is compiled against the graph-core, optimizers and functions jars
 * alone (no runner, Guice or Jackson), run in a JVM of its own with nothing else on its class path,
 * and must print exactly the {@code text} block that follows it.
 */
class LibraryGuideTest {
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  @TempDir Path dir;

  record Block(String language, String text) {}

  static List<Block> blocks() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of(System.getProperty("library.guide")), StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        int end = i + 1;
        while (!lines.get(end).equals("```")) {
          end++;
        }
        blocks.add(
            new Block(lines.get(i).substring(3), String.join("\n", lines.subList(i + 1, end))));
        i = end;
      }
    }
    return blocks;
  }

  @Test
  void thePageOpensWithAShortCompleteProgramWithoutIdsOrMaps() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of(System.getProperty("library.guide")), StandardCharsets.UTF_8);
    List<String> opening =
        lines.stream().filter(l -> !l.isBlank()).limit(2).collect(Collectors.toList());
    assertTrue(opening.get(0).startsWith("# "), "a title first");
    assertEquals("```java", opening.get(1), "then the program");
    Block program = blocks().get(0);
    List<String> code = program.text().lines().collect(Collectors.toList());
    assertTrue(code.size() <= 25, code.size() + " lines");
    assertTrue(program.text().contains("public static void main(String[] args)"));
    for (String banned : List.of("Map", "HyperParameters", "ProviderRegistry", "Provider")) {
      assertFalse(program.text().contains(banned), "the program uses " + banned);
    }
    // its only strings are the labels it prints
    for (String line : code) {
      if (line.contains("\"")) {
        assertTrue(line.trim().startsWith("System.out.println("), line);
      }
    }
    assertTrue(program.text().contains("Optimizers.adam()"));
    assertTrue(program.text().contains("Optimizers.lbfgs()"));
    assertTrue(program.text().contains("Catalog.rosenbrock(2)"));
  }

  @Test
  void everyProgramPrintsWhatThePageShows() throws Exception {
    List<Block> blocks = blocks();
    String classPath = libraryClassPath();
    int programs = 0;
    for (int b = 0; b < blocks.size(); b++) {
      if (!blocks.get(b).language().equals("java")) {
        continue;
      }
      Matcher name = CLASS.matcher(blocks.get(b).text());
      assertTrue(name.find(), "a public class in block " + b);
      Path classes = dir.resolve("program" + b);
      Files.createDirectories(classes);
      Path source = classes.resolve(name.group(1) + ".java");
      Files.writeString(source, blocks.get(b).text() + "\n");
      compile(source, classPath, classes);

      assertEquals("text", blocks.get(b + 1).language(), "the output follows block " + b);
      String printed = run(name.group(1), classes + java.io.File.pathSeparator + classPath);
      assertEquals(blocks.get(b + 1).text() + "\n", printed, name.group(1) + " prints");
      programs++;
    }
    assertEquals(2, programs);
  }

  @Test
  void theDependencySnippetNamesThisVersion() throws IOException {
    Block xml = blocks().stream().filter(b -> b.language().equals("xml")).findFirst().orElseThrow();
    Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(xml.text());
    int count = 0;
    while (version.find()) {
      assertEquals(System.getProperty("project.version"), version.group(1));
      count++;
    }
    assertEquals(2, count);
  }

  /** The three library jars, as built; nothing else. */
  private static String libraryClassPath() {
    List<String> jars = Arrays.asList(System.getProperty("library.jars").split(","));
    assertEquals(3, jars.size());
    for (String jar : jars) {
      assertTrue(Files.isRegularFile(Path.of(jar)), "built library jar " + jar);
      assertFalse(jar.contains("runner"), jar);
    }
    return String.join(java.io.File.pathSeparator, jars);
  }

  private static void compile(Path source, String classPath, Path out) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source.toFile());
      // an explicit -classpath: the compiler sees the three jars, not this test's class path
      List<String> options =
          List.of("-classpath", classPath, "-d", out.toString(), "-Xlint:all", "-Werror");
      boolean ok = compiler.getTask(diagnostics, files, null, options, null, units).call();
      assertTrue(ok, "compiling " + source.getFileName() + ":\n" + diagnostics);
    }
  }

  private String run(String mainClass, String classPath) throws Exception {
    Path output = Files.createTempFile(dir, mainClass, ".out");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Java 17 prints in the locale's charset; ‖∇f‖ must survive a C locale
                "-Dfile.encoding=UTF-8",
                "-cp",
                classPath,
                mainClass)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), mainClass + " finished");
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), printed);
    return printed;
  }
}
