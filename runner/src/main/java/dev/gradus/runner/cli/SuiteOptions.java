package dev.gradus.runner.cli;

import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Wiring Gradus with the plugin folders a command names, shared by the commands. */
final class SuiteOptions {
  private SuiteOptions() {}

  /**
   * Wires Gradus with the built-ins, the jars of each {@code --plugins} folder, and those of the
   * default folder ({@code $GRADUS_HOME/plugins} or {@code ~/.gradus/plugins}) when it exists.
   * Nothing is loaded from a suite's own folder unless it is named with {@code --plugins}.
   */
  static Gradus wire(List<Path> pluginDirs, boolean progress) {
    List<Path> folders = new ArrayList<>(pluginDirs);
    Path home = Plugins.defaultFolder();
    if (java.nio.file.Files.isDirectory(home) && !folders.contains(home)) {
      folders.add(home);
    }
    return Gradus.create(Plugins.discover(SuiteOptions.class.getClassLoader(), folders), progress);
  }

  static List<Path> none() {
    return new ArrayList<>();
  }
}
