package dev.gradus.optimizers;

import dev.gradus.spi.Names;
import dev.gradus.spi.ParameterBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Which parameter group each block joins: the one group whose glob matches its name, or none (the
 * entry's own values). A pattern that matches no block, and a block that two patterns match, are
 * errors, since either means a suite does not say what it meant.
 */
public final class ParamGroups {
  private ParamGroups() {}

  /** A pattern that matches nothing, or a block claimed twice; {@link #group()} is the culprit. */
  public static final class Mismatch extends IllegalArgumentException {
    private final int group;

    Mismatch(int group, String message) {
      super(message);
      this.group = group;
    }

    /** The index of the group whose pattern is wrong (the later one of two that overlap). */
    public int group() {
      return group;
    }
  }

  /** True when the glob {@code pattern} ({@code *}, {@code ?}) matches all of {@code name}. */
  public static boolean matches(String pattern, String name) {
    // iterative glob matching with one backtrack point: linear-ish, no regex compilation
    int p = 0;
    int n = 0;
    int star = -1;
    int resume = 0;
    while (n < name.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
        p++;
        n++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = n;
      } else if (star >= 0) {
        p = star + 1;
        n = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /**
   * For each block, the index of the pattern that matches it, or −1 when none does.
   *
   * @throws Mismatch naming the pattern and the blocks that exist (with close matches) when a
   *     pattern matches no block, or naming both patterns when two match one block
   */
  public static int[] assign(List<String> patterns, List<ParameterBlock> blocks) {
    int[] group = new int[blocks.size()];
    java.util.Arrays.fill(group, -1);
    List<String> names = new ArrayList<>();
    blocks.forEach(b -> names.add(b.name()));
    for (int g = 0; g < patterns.size(); g++) {
      String pattern = patterns.get(g);
      boolean any = false;
      for (int b = 0; b < blocks.size(); b++) {
        if (!matches(pattern, blocks.get(b).name())) {
          continue;
        }
        any = true;
        if (group[b] >= 0) {
          throw new Mismatch(
              g,
              "block "
                  + blocks.get(b)
                  + " is in two parameter groups, '"
                  + patterns.get(group[b])
                  + "' (group "
                  + group[b]
                  + ") and '"
                  + pattern
                  + "' (group "
                  + g
                  + "): a block takes one group's values");
        }
        group[b] = g;
      }
      if (!any) {
        throw new Mismatch(
            g,
            "parameter group pattern '"
                + Names.quote(pattern)
                + "' matches no block"
                + Names.didYouMean(pattern, names)
                + "; the blocks are "
                + shown(blocks));
      }
    }
    return group;
  }

  /** {@code W1 [64, 32], b1 [32], …}, cut after 12 blocks. */
  static String shown(List<ParameterBlock> blocks) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(blocks.size(), 12); i++) {
      parts.add(blocks.get(i).toString());
    }
    if (blocks.size() > 12) {
      parts.add("… (" + blocks.size() + " blocks)");
    }
    return String.join(", ", parts);
  }
}
