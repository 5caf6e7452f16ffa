package dev.gradus.runner.cli;

import dev.gradus.optimizers.Schedule;
import dev.gradus.optimizers.Wrappers;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.PluginJar;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.Provider;
import dev.gradus.spi.ProviderRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List every optimizer, optimizer wrapper and function with its id, description and"
            + " origin (built-in, or the plugin jar with its version), and every plugin jar"
            + " loaded.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "A folder of plugin jars; repeatable.")
  List<Path> plugins = new ArrayList<>();

  @Override
  public Integer call() {
    Logging.configure(true, false);
    Gradus gradus = SuiteOptions.wire(plugins, false);
    PrintWriter out = spec.commandLine().getOut();
    print(out, "Optimizers", gradus.plugins().optimizers(), gradus.plugins());
    out.println();
    printWrappers(out);
    out.println();
    printSchedules(out);
    out.println();
    print(out, "Functions", gradus.plugins().objectives(), gradus.plugins());
    if (!gradus.plugins().jars().isEmpty()) {
      out.println();
      out.println("Plugin jars:");
      for (PluginJar jar : gradus.plugins().jars()) {
        out.printf(
            "  %s  version %s, SPI %s, sha256 %s%n",
            jar.path(), jar.version(), jar.spiVersion(), jar.sha256());
      }
    }
    out.flush();
    return 0;
  }

  /** The wrappers an optimizer entry's {@code wrap:} list takes, with their settings. */
  private static void printWrappers(PrintWriter out) {
    out.println("Optimizer wrappers (an entry's wrap: list, innermost first):");
    int width = 0;
    for (String name : Wrappers.names()) {
      width = Math.max(width, name.length());
    }
    for (String name : Wrappers.names()) {
      List<String> settings = new ArrayList<>();
      for (HyperParameter p : Wrappers.hyperParameters(name)) {
        settings.add(p.name() + "=" + p.defaultValue());
      }
      out.printf(
          "  %-" + width + "s  %s  {%s}  [built-in]%n",
          name,
          Wrappers.description(name),
          String.join(", ", settings));
    }
  }

  /** The schedules an optimizer entry's {@code schedule:} takes, with their keys. */
  private static void printSchedules(PrintWriter out) {
    out.println("Schedules (an entry's schedule:, docs/optimizers.md#schedules):");
    int width = 0;
    for (String name : Schedule.names()) {
      width = Math.max(width, name.length());
    }
    for (String name : Schedule.names()) {
      List<String> keys = new ArrayList<>();
      for (HyperParameter p : Schedule.keys(name)) {
        keys.add(p.name() + (p.defaultValue() == null ? " (required)" : "=" + p.defaultValue()));
      }
      out.printf("  %-" + width + "s  {%s}  [built-in]%n", name, String.join(", ", keys));
    }
  }

  private static <P extends Provider> void print(
      PrintWriter out, String title, ProviderRegistry<P> registry, Plugins plugins) {
    out.println(title + ":");
    int width = 0;
    for (P p : registry.all()) {
      width = Math.max(width, p.id().length());
    }
    for (P p : registry.all()) {
      PluginJar jar = plugins.originOf(p);
      String origin = jar == null ? "built-in" : "plugin " + jar.name() + " " + jar.version();
      out.printf("  %-" + width + "s  %s  [%s]%n", p.id(), p.description(), origin);
    }
  }
}
