package dev.gradus.runner.wiring;

import java.nio.file.Path;

/**
 * A loaded plugin jar.
 *
 * @param path where it was found
 * @param version its {@code Implementation-Version}, or "unversioned"
 * @param spiVersion the {@code Gradus-Spi-Version} it was built against
 * @param sha256 the SHA-256 of the jar file, recorded with results
 */
public record PluginJar(Path path, String version, String spiVersion, String sha256) {
  public String name() {
    return path.getFileName().toString();
  }
}
