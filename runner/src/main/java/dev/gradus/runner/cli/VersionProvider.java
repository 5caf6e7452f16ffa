package dev.gradus.runner.cli;

import dev.gradus.runner.wiring.Gradus;
import dev.gradus.spi.Spi;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"gradus " + Gradus.VERSION + " (SPI " + Spi.VERSION + ")"};
  }
}
