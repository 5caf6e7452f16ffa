package dev.gradus.runner.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The texts report.html inlines: ECharts from its WebJar, and the page's own style sheet and
 * script. Each is read from the class path once per JVM (ECharts is a megabyte, and a suite run may
 * write many reports).
 */
final class Assets {
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  static final String SCRIPT = "dev/gradus/runner/report/report.js";
  static final String STYLE = "dev/gradus/runner/report/report.css";
  static final String COMMIT = "dev/gradus/runner/report/build-commit.txt";

  private Assets() {}

  static String echarts() {
    return Loaded.ECHARTS_TEXT;
  }

  static String script() {
    return Loaded.SCRIPT_TEXT;
  }

  static String style() {
    return Loaded.STYLE_TEXT;
  }

  /** The git commit this build was made from, or {@code unknown} when the build did not say. */
  static String commit() {
    String text = read(COMMIT, false);
    return text == null || text.isBlank() ? "unknown" : text.strip();
  }

  /** Loaded on first use, so that a run with {@code --no-report} never reads them. */
  private static final class Loaded {
    static final String ECHARTS_TEXT = read(ECHARTS, true);
    static final String SCRIPT_TEXT = read(SCRIPT, true);
    static final String STYLE_TEXT = read(STYLE, true);
  }

  /**
   * @throws IllegalStateException if {@code required} and the resource is missing: a broken build
   */
  static String read(String resource, boolean required) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        if (required) {
          throw new IllegalStateException(
              resource + " is not on the class path: this Gradus build is incomplete");
        }
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
