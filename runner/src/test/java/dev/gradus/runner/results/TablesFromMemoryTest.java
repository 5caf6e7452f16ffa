package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables a suite writes from the traces it kept in memory are byte for byte those {@code gradus
 * report} writes after reading the trace files back.
 */
class TablesFromMemoryTest {
  private static final String SUITE =
      """
      suite: tables-from-memory
      seed: 3
      repeats: 3
      budget: {max_iterations: 400}
      stop: {target: 1.0e-6}
      output: {trace: log}
      functions:
        - {name: rosenbrock, dim: 2, start: random}
        - {name: beale, start: random}
        - {name: sphere, dim: 2, start: random}
      optimizers:
        - {name: gd, lr: [1.0e-3, 0.05]}
        - {name: adam, lr: 0.02}
      """;

  /** Every table file and the flat tables, by name; gzipped ones uncompressed. */
  private static Map<String, byte[]> tables(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (var files = Files.list(dir.resolve("tables"))) {
      for (Path file : files.toList()) {
        out.put("tables/" + file.getFileName(), Files.readAllBytes(file));
      }
    }
    out.put("runs.csv", Files.readAllBytes(dir.resolve("runs.csv")));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("traces.csv.gz")))) {
      out.put("traces.csv.gz", in.readAllBytes());
    }
    return out;
  }

  @Test
  void theRunsTablesAreThoseRegeneratedFromTheFiles(@TempDir Path dir) throws IOException {
    TestSuites.run(SUITE, dir, 2);
    Map<String, byte[]> fromMemory = tables(dir);
    assertTrue(fromMemory.size() >= 5, "tables: " + fromMemory.keySet());
    // some runs diverge (gd on Rosenbrock from far starts), some reach the target (the sphere)
    String runs = new String(fromMemory.get("runs.csv"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(runs.contains("diverged") && runs.contains("converged"), runs);
    TestSuites.pipeline(List.of()).report(dir, null);
    Map<String, byte[]> fromFiles = tables(dir);
    assertTrue(fromMemory.keySet().equals(fromFiles.keySet()), fromFiles.keySet().toString());
    for (String name : fromMemory.keySet()) {
      assertArrayEquals(fromMemory.get(name), fromFiles.get(name), name);
    }
  }
}
