package dev.gradus.runner;

import dev.gradus.runner.cli.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gradus ARGS} in a JVM of its own, on this test's class path, so that a test can kill it
 * for real (SIGKILL) or run several at once.
 */
public final class GradusProcess {
  private GradusProcess() {}

  /**
   * Starts {@code gradus args…}, its output appended to {@code log}.
   *
   * @param environment extra environment variables
   */
  public static Process start(Path log, Map<String, String> environment, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }

  public static Process start(Path log, String... args) throws IOException {
    return start(log, Map.of(), List.of(args));
  }
}
