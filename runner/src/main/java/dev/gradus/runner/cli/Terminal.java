package dev.gradus.runner.cli;

import dev.gradus.runner.results.Summary;

/** What the commands know of the terminal they print to. */
final class Terminal {
  private Terminal() {}

  /**
   * The width tables fit: {@code COLUMNS} when the shell exports it (at least 60), else {@link
   * Summary#DEFAULT_WIDTH}.
   */
  static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        return Math.max(60, Integer.parseInt(columns.trim()));
      } catch (NumberFormatException e) {
        // not a number: the default
      }
    }
    return Summary.DEFAULT_WIDTH;
  }
}
