package dev.gradus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin jars, as built, copied into a folder, used by the shaded runner jar started as
 * a separate JVM: no rebuild of Gradus, no edit of its code.
 */
class PluginDropInTest {
  @TempDir Path dir;

  record Result(int code, String output) {}

  private Result gradus(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("gradus.jar"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "gradus", ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(dir.toFile())
            .start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "gradus finished");
    return new Result(process.exitValue(), Files.readString(log));
  }

  private Path dropIn() throws IOException {
    Path plugins = dir.resolve("plugins");
    Files.createDirectories(plugins);
    for (String jar : System.getProperty("plugin.jars").split(",")) {
      Path source = Path.of(jar);
      assertTrue(Files.exists(source), "built plugin jar " + source);
      Files.copy(source, plugins.resolve(source.getFileName()));
    }
    return plugins;
  }

  @Test
  void aSuiteUsesAllThreeExamplePluginsFromAFolder() throws Exception {
    Path plugins = dropIn();
    Result list = gradus("list", "--plugins", plugins.toString());
    assertEquals(0, list.code(), list.output());
    assertTrue(
        list.output()
            .lines()
            .anyMatch(
                l ->
                    l.trim().startsWith("lion-example ")
                        && l.contains("[plugin gradus-plugin-lion-")),
        list.output());
    assertTrue(
        list.output()
            .lines()
            .anyMatch(
                l -> l.trim().startsWith("branin ") && l.contains("[plugin gradus-plugin-branin-")),
        list.output());
    assertTrue(list.output().contains("gradus-plugin-csv-listener-"), list.output());

    Path suite = dir.resolve("suite.yaml");
    Files.writeString(
        suite,
        """
        suite: drop-in
        seed: 3
        repeats: 2
        budget: {max_iterations: 3000}
        stop: {target: 1.0e-6}
        functions:
          - name: branin
          - name: rosenbrock
            dim: 2
            start: [-1.2, 1.0]
        optimizers:
          - name: lion-example
            lr: [1.0e-3, 1.0e-2]
          - name: adam
            lr: 0.05
        """);
    Path out = dir.resolve("out");
    Result run =
        gradus(
            "run",
            suite.toString(),
            "--plugins",
            plugins.toString(),
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, run.code(), run.output());

    List<String> lines = Files.readAllLines(out.resolve("runs.jsonl"));
    assertEquals(2 * 3 * 2, lines.size());
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode record = json.readTree(line);
      assertTrue(!record.get("status").asText().equals("failed"), line);
      assertEquals(3, record.get("plugins").size(), "every line names the three jars: " + line);
    }
    // runs finish in any order on two threads: find the run by its id
    JsonNode lionOnBranin = null;
    for (String line : lines) {
      JsonNode record = json.readTree(line);
      if (record.get("run_id").asText().equals("f0-branin_o0-lion-example_r0")) {
        lionOnBranin = record;
      }
    }
    assertTrue(lionOnBranin != null, "run f0-branin_o0-lion-example_r0 recorded");
    // Branin's known minimum 5/(4π), declared by the plugin, reaches the results as the gaps
    assertEquals(
        lionOnBranin.get("f_best").asDouble() - 5 / (4 * Math.PI),
        lionOnBranin.get("best_gap").asDouble(),
        1e-12,
        lionOnBranin.toString());
    assertEquals(
        lionOnBranin.get("f_final").asDouble() - 5 / (4 * Math.PI),
        lionOnBranin.get("final_gap").asDouble(),
        1e-12,
        lionOnBranin.toString());
    assertTrue(lionOnBranin.get("distance_to_optimum").isNumber(), lionOnBranin.toString());

    // the csv-listener plugin wrote its own per-run files and its index
    Path listener = out.resolve("csv-listener");
    for (String line : lines) {
      String id = json.readTree(line).get("run_id").asText();
      List<String> rows = Files.readAllLines(listener.resolve(id + ".csv"));
      assertEquals("iteration,f,grad_norm", rows.get(0));
      assertTrue(rows.size() > 1, id);
    }
    assertEquals(1 + lines.size(), Files.readAllLines(listener.resolve("index.csv")).size());
    String resolved = Files.readString(out.resolve("suite.resolved.yaml"));
    assertTrue(resolved.contains("gradus-plugin-lion-") && resolved.contains("sha256:"), resolved);
  }

  @Test
  void aBrokenPluginFolderStopsTheRunNamingTheJar() throws Exception {
    Path plugins = dropIn();
    Files.writeString(plugins.resolve("broken.jar"), "not a zip");
    Result list = gradus("list", "--plugins", plugins.toString());
    assertEquals(1, list.code(), list.output());
    assertTrue(
        list.output().contains("broken.jar") && list.output().contains("corrupt or not a jar"),
        list.output());
  }
}
