package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runner's packages depend on each other only downwards, as docs/architecture.md draws them:
 * configuration (suite, plan) below execution (run) below results, report and scale, below the
 * pipeline, the wiring and the command line. In particular nothing below the planner reads the YAML
 * tree: run and report never import the suite package.
 */
class PackageRulesTest {
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("suite", Set.of()),
          Map.entry("analysis", Set.of()),
          Map.entry("plan", Set.of("suite", "analysis")),
          Map.entry("run", Set.of("plan")),
          Map.entry("results", Set.of("plan", "run", "suite", "analysis")),
          Map.entry("report", Set.of("plan", "run", "results", "analysis")),
          Map.entry("scale", Set.of("plan", "run", "results")),
          Map.entry("compare", Set.of("run", "results", "analysis")),
          Map.entry("tuning", Set.of("plan", "run", "results", "analysis")),
          Map.entry(
              "pipeline",
              Set.of(
                  "plan",
                  "run",
                  "results",
                  "report",
                  "scale",
                  "compare",
                  "tuning",
                  "suite",
                  "analysis")),
          Map.entry("wiring", Set.of("plan", "run", "pipeline", "suite")),
          Map.entry(
              "cli",
              Set.of(
                  "plan",
                  "run",
                  "results",
                  "report",
                  "scale",
                  "compare",
                  "pipeline",
                  "wiring",
                  "suite")));

  private static final Pattern IMPORT =
      Pattern.compile("import dev\\.gradus\\.runner\\.([a-z]+)\\.");

  @Test
  void packagesDependOnlyDownwards() throws IOException {
    Path root = Path.of("src/main/java/dev/gradus/runner");
    assertTrue(Files.isDirectory(root), "run from the runner module: " + root.toAbsolutePath());
    Map<String, Set<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(file.getParent()).toString();
        Set<String> uses = found.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            uses.add(m.group(1));
          }
        }
      }
    }
    assertEquals(new TreeSet<>(ALLOWED.keySet()), found.keySet(), "the runner's packages");
    for (Map.Entry<String, Set<String>> e : found.entrySet()) {
      Set<String> upward = new TreeSet<>(e.getValue());
      upward.removeAll(ALLOWED.get(e.getKey()));
      assertEquals(Set.of(), upward, e.getKey() + " imports packages above it");
    }
    for (String below : List.of("run", "report")) {
      assertTrue(!found.get(below).contains("suite"), below + " reads no YAML");
    }
  }
}
