package dev.gradus.runner.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's section of plot files: {@code plots/} is listed when the page is written, so the
 * links follow whatever files the plot classes wrote and however they named them.
 */
final class PlotFiles {
  private PlotFiles() {}

  /** Links to every PNG, PDF and SVG in {@code plots/}, whatever the plot classes named them. */
  static String section(Path plots, List<String> notes) throws IOException {
    StringBuilder h = new StringBuilder("<section id=\"plots\">\n<h2>Plot files</h2>\n");
    for (String note : notes) {
      h.append("<p class=\"note\">").append(HtmlReport.escape(note)).append("</p>\n");
    }
    Map<String, List<String>> byName = new TreeMap<>();
    if (Files.isDirectory(plots)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(plots, "*.{png,pdf,svg}")) {
        for (Path p : files) {
          String file = p.getFileName().toString();
          int dot = file.lastIndexOf('.');
          byName.computeIfAbsent(file.substring(0, dot), k -> new ArrayList<>()).add(file);
        }
      }
    }
    if (byName.isEmpty()) {
      return h.append("<p>No plot files in plots/.</p>\n</section>\n").toString();
    }
    h.append("<ul class=\"plots\">\n");
    byName.forEach(
        (name, files) -> {
          files.sort(null);
          h.append("<li>").append(HtmlReport.escape(name)).append(": ");
          for (int k = 0; k < files.size(); k++) {
            String file = files.get(k);
            h.append(k == 0 ? "" : " · ")
                .append("<a href=\"plots/")
                .append(HtmlReport.escape(urlPath(file)))
                .append("\">")
                .append(
                    HtmlReport.escape(
                        file.substring(file.lastIndexOf('.') + 1)
                            .toUpperCase(java.util.Locale.ROOT)))
                .append("</a>");
          }
          h.append("</li>\n");
        });
    return h.append("</ul>\n</section>\n").toString();
  }

  /** A file name as a relative URL path: every byte but unreserved ASCII percent-encoded. */
  static String urlPath(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
