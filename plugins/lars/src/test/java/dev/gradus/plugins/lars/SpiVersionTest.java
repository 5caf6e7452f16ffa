package dev.gradus.plugins.lars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gradus.spi.Spi;
import org.junit.jupiter.api.Test;

/**
 * The Gradus-Spi-Version the pom writes into the manifest is the SPI this plugin compiles against.
 */
class SpiVersionTest {
  @Test
  void manifestSpiVersionIsTheCompiledAgainstSpi() {
    String declared = System.getProperty("gradus.spi.version");
    assertNotNull(declared, "surefire passes gradus.spi.version from plugins/pom.xml");
    assertEquals(Spi.VERSION, declared);
  }
}
