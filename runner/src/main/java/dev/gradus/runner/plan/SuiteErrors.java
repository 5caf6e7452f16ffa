package dev.gradus.runner.plan;

import dev.gradus.runner.suite.SuiteException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems planning finds, collected entry by entry so that {@code validate} (and {@code run})
 * report every problem they can find at once, each with its file, line and column, up to {@link
 * #MAX}. A problem in one entry does not hide those of the others; within an entry the first one is
 * reported, since later checks depend on it.
 */
final class SuiteErrors {
  /** The most problems one report lists. */
  static final int MAX = 20;

  private final List<String> messages = new ArrayList<>();
  private int count;

  void add(SuiteException e) {
    count++;
    if (messages.size() < MAX) {
      messages.add(e.getMessage());
    }
  }

  /** Throws one exception listing every problem, one a line, when there is any. */
  boolean isEmpty() {
    return messages.isEmpty();
  }

  void throwIfAny() {
    if (count == 0) {
      return;
    }
    StringBuilder message = new StringBuilder(String.join("\n", messages));
    if (count > MAX) {
      message.append("\n… and ").append(count - MAX).append(" more problems");
    }
    if (count > 1) {
      message.append("\n(").append(count).append(" problems)");
    }
    throw new SuiteException(message.toString());
  }
}
