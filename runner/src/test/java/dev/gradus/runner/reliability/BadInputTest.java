package dev.gradus.runner.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that used to take too long, say too little, or break later: each gets one clear error,
 * before any run, quoting at most a short piece of the offending value.
 */
class BadInputTest {
  @TempDir Path dir;

  private static String gradus(String... args) {
    return TestCli.run(args).text();
  }

  private String validate(String yaml) throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, yaml);
    return gradus("validate", suite.toString());
  }

  @Test
  void entryNamesFollowTheRuleOfSuiteNames() throws Exception {
    for (String name : List.of("a/b", "..", "has space", "nul\\u0000x")) {
      String message =
          validate(
              "suite: s\nfunctions: [{name: \""
                  + name
                  + "\", expression: \"x^2\", start: {x: 1}}]\noptimizers: [{name: gd}]\n");
      assertTrue(message.startsWith("1\n"), name + ": " + message);
      assertTrue(message.contains("suite.yaml:2:"), "names the position: " + message);
      assertTrue(message.contains("entry name"), message);
    }
  }

  @Test
  void aHugeUnknownNameIsRefusedQuicklyAndQuotedShort() throws Exception {
    String huge = "x".repeat(3_000_000);
    long started = System.nanoTime();
    String message =
        validate("suite: s\nfunctions: [{name: " + huge + "}]\noptimizers: [{name: gd}]\n");
    double seconds = (System.nanoTime() - started) / 1e9;
    assertTrue(
        message.startsWith("1\n"), () -> message.substring(0, Math.min(200, message.length())));
    assertTrue(message.length() < 1_000, "quoted short: " + message.length() + " characters");
    assertTrue(
        seconds < 30, "took " + seconds + " s"); // a guard against the old minute, not a benchmark
    String typo =
        validate(
            "suite: s\nfunctions: [{name: rosenbrok}]\noptimizers: [{name: gd, "
                + "y".repeat(200_000)
                + ": 1}]\n");
    assertTrue(
        typo.startsWith("1\n") && typo.length() < 1_000,
        () -> typo.substring(0, Math.min(200, typo.length())));
  }

  @Test
  void runsNamedTwiceAndCostsWithoutShardsAreErrors() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(
        suite,
        "suite: s\nrepeats: 2\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\n"
            + "optimizers: [{name: gd}]\n");
    String twice =
        gradus(
            "run",
            suite.toString(),
            "--runs",
            "f0-sphere_o0-gd_r0,f0-sphere_o0-gd_r0",
            "--out",
            dir.resolve("a").toString());
    assertTrue(twice.startsWith("1\n") && twice.contains("twice"), twice);
    String costs =
        gradus(
            "run",
            suite.toString(),
            "--costs",
            dir.toString(),
            "--out",
            dir.resolve("b").toString());
    assertTrue(costs.startsWith("1\n") && costs.contains("use it with --shard"), costs);
  }

  @Test
  void resumeRefusesAFolderHoldingARunTwice() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(
        suite,
        "suite: s\nrepeats: 2\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\n"
            + "optimizers: [{name: gd}]\n");
    Path out = dir.resolve("out");
    assertTrue(
        gradus("run", suite.toString(), "--out", out.toString(), "--no-report", "-q")
            .startsWith("0\n"));
    Path runs = out.resolve("runs.jsonl");
    String first = Files.readAllLines(runs).get(0);
    Files.writeString(runs, first + "\n", java.nio.file.StandardOpenOption.APPEND);
    String message =
        gradus("run", suite.toString(), "--out", out.toString(), "--resume", "--no-report", "-q");
    assertTrue(message.startsWith("1\n") && message.contains("twice"), message);
    assertEquals(3, Files.readAllLines(runs).size(), "the folder is left as it was");
  }

  @Test
  void aSuiteThatIsNotUtf8IsNamedWithTheLineAndColumn() throws Exception {
    Path suite = dir.resolve("latin1.yaml");
    byte[] text =
        "suite: s\nfunctions: [{name: sph\u00e9re}]\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(suite, text);
    String message = gradus("validate", suite.toString());
    assertTrue(message.startsWith("1\n"), message);
    assertTrue(
        message.contains("is not UTF-8 text") && message.contains("line 2, column 23"), message);
    assertTrue(!message.contains("Input length"), "no JDK internals: " + message);
  }

  @Test
  void aTraceFolderThatCannotBeWrittenStopsTheSuiteAndTheRunIsRunAgain() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(
        suite,
        "suite: s\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\n"
            + "optimizers: [{name: gd}]\n");
    Path out = dir.resolve("out");
    assertTrue(
        gradus("run", suite.toString(), "--out", out.toString(), "--no-report", "-q")
            .startsWith("0\n"));
    // the folder of the same suite, with its runs forgotten and traces/ unusable
    Files.writeString(out.resolve("runs.jsonl"), "");
    try (var traces = Files.list(out.resolve("traces"))) {
      for (Path t : traces.toList()) {
        Files.delete(t);
      }
    }
    Files.delete(out.resolve("traces"));
    Files.writeString(out.resolve("traces"), "a file where the folder belongs");
    String message =
        gradus("run", suite.toString(), "--out", out.toString(), "--resume", "--no-report", "-q");
    assertTrue(message.startsWith("1\n"), message);
    assertTrue(message.contains("cannot write " + out.resolve("traces")), message);
    assertEquals("", Files.readString(out.resolve("runs.jsonl")), "no run is marked failed");
    Files.delete(out.resolve("traces"));
    assertTrue(
        gradus("run", suite.toString(), "--out", out.toString(), "--resume", "--no-report", "-q")
            .startsWith("0\n"),
        "--resume runs it again");
    assertEquals(1, Files.readAllLines(out.resolve("runs.jsonl")).size());
  }

  @Test
  void validateReportsEveryProblemItCanFindEachWithItsPosition() throws Exception {
    String message =
        validate(
            """
            suite: many
            functions:
              - name: spehre
              - name: rosenbrock
                start: [1, 2, 3]
              - name: beale
            optimizers:
              - name: adam
                lrr: 0.1
              - name: gd
              - name: lbfgs
                history_size: -1
            """);
    assertTrue(message.startsWith("1\n"), message);
    assertTrue(message.contains("suite.yaml:3:") && message.contains("spehre"), message);
    assertTrue(message.contains("suite.yaml:5:") && message.contains("start has 3"), message);
    assertTrue(message.contains("suite.yaml:9:") && message.contains("lrr"), message);
    assertTrue(message.contains("suite.yaml:12:") && message.contains("history_size"), message);
    assertTrue(message.contains("(4 problems)"), message);
  }

  @Test
  void yamlAndGradientErrorsPointAtTheirOwnPlace() throws Exception {
    String tab = validate("suite: t\nfunctions:\n\t- name: sphere\noptimizers: [{name: gd}]\n");
    assertTrue(tab.contains("suite.yaml:3:1:") && tab.contains("a tab cannot indent"), tab);
    String deep =
        validate(
            "suite: d\nfunctions: "
                + "[".repeat(100)
                + "]".repeat(100)
                + "\noptimizers: [{name: gd}]\n");
    assertTrue(deep.contains("nesting deeper than 64 levels"), deep);
    assertTrue(!deep.contains("StreamReadConstraints"), "no library internals: " + deep);
    String analytic =
        validate(
            "suite: g\nfunctions:\n  - name: sphere\n    gradient: analytic\n"
                + "optimizers: [{name: gd}]\n");
    assertTrue(analytic.contains("suite.yaml:4:15:"), "the gradient key: " + analytic);
  }
}
