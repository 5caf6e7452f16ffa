package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A plugin runs when its major version equals this SPI's and its minor version is not newer. */
class SpiVersionTest {

  @Test
  void supportsTheSameMajorVersionUpToThisMinor() {
    assertEquals("1.6", Spi.VERSION);
    assertTrue(Spi.supports("1.0"), "a plugin built against the older SPI keeps working");
    assertTrue(Spi.supports("1.1"));
    assertTrue(Spi.supports("1.2"));
    assertTrue(Spi.supports("1.3"));
    assertTrue(Spi.supports("1.4"));
    assertTrue(Spi.supports("1.5"));
    assertTrue(Spi.supports("1.6"));
    assertTrue(Spi.supports("1"));
    assertTrue(Spi.supports(" 1.0 "));
    assertFalse(Spi.supports("1.7"));
    assertFalse(Spi.supports("0.9"));
    assertFalse(Spi.supports("2.0"));
  }

  @Test
  void malformedVersionsAreNamedInTheError() {
    for (String bad : new String[] {"abc", "1.x", "", "v1"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Spi.supports(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Spi.supports(null));
  }
}
