package dev.gradus.plugins.lars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Spi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as the runner will read it: the manifest metadata, and nothing but this
 * plugin's classes and service file (graph-core is the runner's, so it must not be shaded in).
 */
class PluginJarIT {
  private static final String PACKAGE = "dev/gradus/plugins/lars/";
  private static final String SERVICE = "META-INF/services/dev.gradus.spi.OptimizerProvider";

  @Test
  void manifestAndContents() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("plugin.jar"))) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertEquals(Spi.VERSION, main.getValue("Gradus-Spi-Version"));
      assertFalse(main.getValue("Implementation-Title").isBlank());
      assertEquals(System.getProperty("plugin.version"), main.getValue("Implementation-Version"));

      List<String> foreign = new ArrayList<>();
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        boolean own =
            entry.isDirectory()
                || name.equals("META-INF/MANIFEST.MF")
                || name.equals(SERVICE)
                || (name.startsWith(PACKAGE) && name.endsWith(".class"));
        if (!own) {
          foreign.add(name);
        }
      }
      assertTrue(foreign.isEmpty(), "entries that are not the plugin's own: " + foreign);

      try (InputStream in = jar.getInputStream(jar.getEntry(SERVICE))) {
        String provider = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals("dev.gradus.plugins.lars.LarsProvider", provider);
        assertTrue(jar.getEntry(provider.replace('.', '/') + ".class") != null, provider);
      }
    }
  }
}
