package dev.gradus.runner.plan;

import java.util.Arrays;
import java.util.List;

/**
 * What a run does with iterates that leave its function's search domain, from a function entry's
 * {@code bounds} setting.
 */
public enum Bounds {
  /**
   * Nothing (torch's behaviour): the optimizer may leave the domain. Points outside it never count
   * as the best point, never reach the target and never converge, and a run that ends outside is
   * recorded with {@code x_final_in_domain: false}.
   */
  NONE("none"),
  /**
   * After every step the iterate is projected back into the domain box, coordinate by coordinate
   * (projected gradient descent). Needs a function with a domain.
   */
  PROJECT("project");

  private final String id;

  Bounds(String id) {
    this.id = id;
  }

  /** The name as written in a suite. */
  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Bounds::id).toList();
  }

  /** The value with this id, or null when there is none. */
  static Bounds byId(String id) {
    for (Bounds b : values()) {
      if (b.id.equals(id)) {
        return b;
      }
    }
    return null;
  }
}
