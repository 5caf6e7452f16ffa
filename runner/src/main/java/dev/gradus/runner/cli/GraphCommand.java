package dev.gradus.runner.cli;

import dev.gradus.functions.expression.Expressions;
import dev.gradus.graph.Tensor;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description =
        "Draw an expression's computation graph with each node's value (forward pass) and"
            + " gradient (backward pass): writes DOT, and SVG and PNG when Graphviz's 'dot' is"
            + " on the PATH.")
final class GraphCommand implements Callable<Integer> {
  /** How long one Graphviz rendering may take. */
  static final long RENDER_SECONDS = 60;

  /** Finds Graphviz's {@code dot} program; empty when it is not installed. */
  interface DotLocator {
    Optional<Path> find();
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPRESSION", description = "Such as \"sin((x + y) * z)\".")
  String expression;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "NAME=VALUE",
      split = ",(?=[A-Za-z_])",
      splitSynopsisLabel = ",",
      description = "Variable values: --at x=1,y=2,z=3; a vector as v=1;2;3.")
  Map<String, String> at = new LinkedHashMap<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Writes FILE.dot (or FILE itself when it ends in .dot), FILE.svg and FILE.png.")
  Path out;

  private final DotLocator locator;

  GraphCommand() {
    this(GraphCommand::onPath);
  }

  GraphCommand(DotLocator locator) {
    this.locator = locator;
  }

  @Override
  public Integer call() {
    ExpressionArgument.check(expression, spec);
    Map<String, Tensor> point = new LinkedHashMap<>();
    at.forEach((name, text) -> point.put(name, GradCommand.parse(name, text)));
    Expressions.Evaluation result = Expressions.evaluateAt(expression, point);
    String name = out.getFileName().toString();
    String stem = name.endsWith(".dot") ? name.substring(0, name.length() - 4) : name;
    Path dotFile = out.resolveSibling(stem + ".dot");
    try {
      Files.writeString(dotFile, result.graph().toDot(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dotFile + ": " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("f = " + result.value());
    stdout.println("graph written to " + dotFile);
    Optional<Path> dot = locator.find();
    if (dot.isEmpty()) {
      Path png = out.resolveSibling(stem + ".png");
      stdout.println(
          "Graphviz's 'dot' is not on the PATH, so only the DOT file was written. To get the"
              + " picture, install Graphviz (apt-get install graphviz, or brew install graphviz,"
              + " or see https://graphviz.org/download/) and run:");
      stdout.println("  dot -Tpng " + dotFile + " -o " + png);
    } else {
      for (String format : List.of("svg", "png")) {
        Path picture = out.resolveSibling(stem + "." + format);
        render(dot.get(), format, dotFile, picture);
        stdout.println("picture written to " + picture);
      }
    }
    stdout.flush();
    return 0;
  }

  static void render(Path dot, String format, Path dotFile, Path picture) {
    render(dot, format, dotFile, picture, RENDER_SECONDS);
  }

  /**
   * Runs Graphviz with a time limit. Its output goes to a file rather than a pipe, so that waiting
   * for it never blocks the limit (a pipe read would wait for the process to end).
   */
  static void render(Path dot, String format, Path dotFile, Path picture, long limitSeconds) {
    Path log = dotFile.resolveSibling(dotFile.getFileName() + ".render.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                dot.toString(), "-T" + format, dotFile.toString(), "-o", picture.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      Process process = builder.start();
      boolean ended = process.waitFor(limitSeconds, TimeUnit.SECONDS);
      if (!ended) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Files.deleteIfExists(log);
        throw new IllegalStateException(
            dot + " -T" + format + " took over " + limitSeconds + " s and was stopped");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            dot
                + " -T"
                + format
                + " failed with exit code "
                + process.exitValue()
                + ": "
                + output.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + dot + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + dot, e);
    }
  }

  /** The first executable {@code dot} in a folder of the PATH. */
  static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String file : List.of("dot", "dot.exe")) {
        Path candidate = Path.of(dir, file);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
