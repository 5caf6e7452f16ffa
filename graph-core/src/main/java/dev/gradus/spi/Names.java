package dev.gradus.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for ids and names, and close-match suggestions for misspelt ones. */
public final class Names {
  private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** The most characters of a user's value that a message quotes. */
  public static final int MAX_QUOTED = 80;

  private Names() {}

  /**
   * Returns {@code id} if it is kebab-case ({@code adam}, {@code three-hump-camel}), else throws.
   */
  public static String requireKebabCase(String id) {
    if (id == null || !KEBAB_CASE.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id '" + id + "' is not kebab-case: lower-case letters and digits joined by single '-'");
    }
    return id;
  }

  /**
   * The candidates closest to {@code name} by edit distance, best first: those within a third of
   * the name's length (at least 2 edits), or that contain it or are contained in it.
   */
  public static List<String> closeMatches(String name, Collection<String> candidates) {
    int longest = 0;
    for (String candidate : candidates) {
      longest = Math.max(longest, candidate.length());
    }
    if (name.length() > 2 * longest + 3) {
      return List.of(); // nothing can be close, and the distance table would be huge
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, wanted.length() / 3);
    List<String> matches = new ArrayList<>();
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      if (distance(wanted, c) <= limit
          || (wanted.length() >= 3 && (c.contains(wanted) || wanted.contains(c)))) {
        matches.add(candidate);
      }
    }
    matches.sort(
        Comparator.comparingInt((String c) -> distance(wanted, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()));
    return matches.size() > 3 ? matches.subList(0, 3) : matches;
  }

  /**
   * {@code text} as a message quotes a user's value: whole up to {@link #MAX_QUOTED} characters,
   * else its start, an ellipsis and its length.
   */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    if (text.length() <= MAX_QUOTED) {
      return text;
    }
    return text.substring(0, MAX_QUOTED - 1) + "… (" + text.length() + " characters)";
  }

  /** " (did you mean 'adam'?)" or "" when nothing is close. */
  public static String didYouMean(String name, Collection<String> candidates) {
    List<String> matches = closeMatches(name, candidates);
    if (matches.isEmpty()) {
      return "";
    }
    return " (did you mean '" + String.join("' or '", matches) + "'?)";
  }

  /** Levenshtein distance, with a transposition of neighbours counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
