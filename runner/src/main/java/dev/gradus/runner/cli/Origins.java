package dev.gradus.runner.cli;

import dev.gradus.spi.ProviderRegistry;

/** "built-in", or the plugin jar a provider came from. */
final class Origins {
  private Origins() {}

  static String of(ProviderRegistry<?> registry, String id) {
    String source = registry.source(id);
    String where =
        source.contains(" from ") ? source.substring(source.indexOf(" from ") + 6) : source;
    if (where.contains("/plugins/") && where.endsWith(".jar")) {
      return "plugin " + where.substring(where.lastIndexOf('/') + 1);
    }
    return "built-in";
  }
}
