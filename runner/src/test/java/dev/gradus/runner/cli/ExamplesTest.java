package dev.gradus.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every suite in examples/ is one the runner accepts, as the README and docs promise. */
class ExamplesTest {
  @Test
  void everyExampleSuiteValidates() throws Exception {
    Path examples = Path.of(System.getProperty("basedir", ".")).resolve("../examples");
    List<Path> suites;
    try (Stream<Path> files = Files.list(examples)) {
      suites = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(suites.size() >= 4, "examples found: " + suites);
    for (Path suite : suites) {
      CliTest.Result r = CliTest.gradus("validate", suite.toString());
      assertEquals(0, r.code(), suite + ": " + r.err());
    }
  }
}
