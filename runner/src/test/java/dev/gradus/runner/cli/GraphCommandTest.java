package dev.gradus.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GraphCommandTest {
  @TempDir Path dir;

  private static String run(GraphCommand command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  @Test
  void withoutGraphvizItWritesDotAndSaysHowToGetThePicture() throws Exception {
    Path out = dir.resolve("g");
    String printed =
        run(
            new GraphCommand(Optional::empty),
            "sin((x + y) * z)",
            "--at",
            "x=1,y=2,z=3",
            "--out",
            out.toString());
    String dot = Files.readString(dir.resolve("g.dot"));
    assertTrue(dot.startsWith("digraph"), dot);
    // forward value of (x + y)·z = 9 and its gradient z·cos 9·… are in the boxes
    assertTrue(dot.contains("value 9.000"), dot);
    assertTrue(dot.contains(String.format(java.util.Locale.ROOT, "grad %.4g", Math.cos(9))), dot);
    assertTrue(printed.contains("apt-get install graphviz"), printed);
    assertTrue(
        printed.contains("dot -Tpng " + dir.resolve("g.dot") + " -o " + dir.resolve("g.png")),
        printed);
    assertFalse(Files.exists(dir.resolve("g.png")));
  }

  @Test
  void withGraphvizItRendersSvgAndPng() throws Exception {
    // a stand-in for Graphviz's dot that records its arguments into the output file
    Path fake = dir.resolve("dot");
    Files.writeString(
        fake,
        "#!/bin/sh\n"
            + "out=\"\"\nprev=\"\"\n"
            + "for a in \"$@\"; do if [ \"$prev\" = \"-o\" ]; then out=\"$a\"; fi; prev=\"$a\"; done\n"
            + "echo \"$@\" > \"$out\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Path out = dir.resolve("graph.dot");
    String printed =
        run(
            new GraphCommand(() -> Optional.of(fake)),
            "m * x + b",
            "--at",
            "m=2,x=1,b=1",
            "--out",
            out.toString());
    assertTrue(Files.readString(out).contains("value 3.000"), "yhat = 2·1 + 1");
    assertEquals(
        "-Tsvg " + out + " -o " + dir.resolve("graph.svg"),
        Files.readString(dir.resolve("graph.svg")).strip());
    assertEquals(
        "-Tpng " + out + " -o " + dir.resolve("graph.png"),
        Files.readString(dir.resolve("graph.png")).strip());
    assertTrue(printed.contains("picture written to " + dir.resolve("graph.png")), printed);
  }

  @Test
  void aFailingRendererIsReportedWithItsOutput() throws Exception {
    Path fake = dir.resolve("dot");
    Files.writeString(fake, "#!/bin/sh\necho 'syntax error in line 1' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GraphCommand(() -> Optional.of(fake)));
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int code = cli.execute("x * y", "--at", "x=1,y=2", "--out", dir.resolve("g").toString());
    assertEquals(1, code);
    assertTrue(
        err.toString().contains("exit code 3") && err.toString().contains("syntax error"),
        err.toString());
  }

  @Test
  void theCommandIsRegistered() {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(new StringWriter()), "graph", "--help");
    assertEquals(0, code);
    assertTrue(out.toString().contains("Usage: gradus graph"), out.toString());
  }

  /** A renderer that hangs is stopped at the limit, even while it keeps writing output. */
  @Test
  void aRendererThatHangsIsStoppedAtTheLimit(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path fake = tmp.resolve("dot");
    java.nio.file.Files.writeString(
        fake, "#!/bin/sh\nwhile true; do echo busy; sleep 0.01; done\n");
    fake.toFile().setExecutable(true);
    Path dotFile = tmp.resolve("g.dot");
    java.nio.file.Files.writeString(dotFile, "digraph { a -> b }\n");
    long started = System.nanoTime();
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () -> GraphCommand.render(fake, "png", dotFile, tmp.resolve("g.png"), 1));
    double seconds = (System.nanoTime() - started) / 1e9;
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("took over 1 s and was stopped"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(seconds < 20, "stopped after " + seconds + " s");
  }
}
