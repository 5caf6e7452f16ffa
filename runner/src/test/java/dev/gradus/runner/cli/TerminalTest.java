package dev.gradus.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradus run} in a pseudo-terminal (util-linux {@code script}, part of every Debian system):
 * the progress bar shows, no log line is drawn over by it, and the table follows.
 */
class TerminalTest {
  @TempDir Path dir;

  @Test
  void inATerminalTheProgressBarLeavesEveryLogLineWhole() throws Exception {
    Path suite = dir.resolve("s.yaml");
    Files.writeString(
        suite,
        "suite: tty\nrepeats: 8\nbudget: {max_iterations: 3000}\n"
            + "functions: [{name: rosenbrock, dim: 200, start: random}]\n"
            + "optimizers: [{name: adam, lr: 0.001}]\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            List.of(
                "'" + java + "'",
                "-cp",
                "'" + System.getProperty("java.class.path") + "'",
                Main.class.getName(),
                "run",
                "'" + suite + "'",
                "--out",
                "'" + dir.resolve("out") + "'",
                "--no-report",
                "--threads",
                "2"));
    Path typescript = dir.resolve("typescript");
    Process process =
        new ProcessBuilder("script", "-q", "-e", "-c", command, typescript.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("script.log").toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run ended");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("script.log")));
    String screen = Files.readString(typescript);
    assertTrue(screen.contains("8/8 runs"), "a progress bar: " + screen);
    for (String line : screen.split("\n")) {
      if (line.contains(" INFO ") || line.contains(" WARN ")) {
        // a log line that the bar redrew over would hold a carriage return inside it
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        assertFalse(text.contains("\r"), "a log line drawn over: " + text);
      }
    }
    assertFalse(screen.contains("convergence - f0-"), "no per-run lines without -v");
    assertTrue(screen.contains("#    optimizer"), "the table follows");

    // with -v the per-run lines tell the progress, and no bar is drawn between them
    Path verbose = dir.resolve("typescript-v");
    Process again =
        new ProcessBuilder(
                "script",
                "-q",
                "-e",
                "-c",
                command.replace("'" + dir.resolve("out") + "'", "'" + dir.resolve("out-v") + "'")
                    + " -v",
                verbose.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("script-v.log").toFile())
            .start();
    assertTrue(again.waitFor(120, TimeUnit.SECONDS), "the run ended");
    String lines = Files.readString(verbose);
    assertFalse(lines.contains("8/8 runs"), "no bar with -v");
    assertEquals(8, lines.split("convergence - f0-rosenbrock_o0-adam_r", -1).length - 1, lines);
  }
}
