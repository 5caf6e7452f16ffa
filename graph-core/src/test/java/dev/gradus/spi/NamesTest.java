package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kebab-case ids and close-match suggestions. */
class NamesTest {
  private static final List<String> IDS =
      List.of("adam", "adamw", "sgd", "rmsprop", "l-bfgs", "rosenbrock", "three-hump-camel");

  @Test
  void acceptsKebabCase() {
    for (String id : List.of("adam", "three-hump-camel", "l-bfgs", "sgd2", "a", "x1-2y")) {
      assertEquals(id, Names.requireKebabCase(id));
    }
  }

  @Test
  void rejectsEverythingElseNamingTheId() {
    for (String id :
        new String[] {"Adam", "three_hump", "-adam", "adam-", "a--b", "", "2adam", "a b", "é"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Names.requireKebabCase(id));
      assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Names.requireKebabCase(null));
  }

  @Test
  void closeMatchesFindTyposBestFirst() {
    assertEquals(List.of("adam", "adamw"), Names.closeMatches("adma", IDS));
    assertEquals(List.of("rosenbrock"), Names.closeMatches("rosenbrok", IDS));
    assertEquals(List.of("rmsprop"), Names.closeMatches("rmsporp", IDS));
    assertEquals(List.of("adam", "adamw"), Names.closeMatches("ADAM", IDS));
    assertEquals(List.of("three-hump-camel"), Names.closeMatches("camel", IDS));
    assertEquals(List.of(), Names.closeMatches("newton", IDS));
  }

  @Test
  void closeMatchesReturnAtMostThree() {
    List<String> many = List.of("ab1", "ab2", "ab3", "ab4", "ab5");
    List<String> matches = Names.closeMatches("ab", many);
    assertEquals(3, matches.size());
    assertEquals(List.of("ab1", "ab2", "ab3"), matches);
  }

  @Test
  void didYouMeanFormatsTheSuggestions() {
    assertEquals(" (did you mean 'rosenbrock'?)", Names.didYouMean("rosenbrok", IDS));
    assertEquals(" (did you mean 'adam' or 'adamw'?)", Names.didYouMean("adma", IDS));
    assertEquals("", Names.didYouMean("newton", IDS));
  }

  @Test
  void distanceCountsTranspositionsAsOneEdit() {
    assertEquals(0, Names.distance("adam", "adam"));
    assertEquals(1, Names.distance("adam", "adma"));
    assertEquals(1, Names.distance("adam", "adamw"));
    assertEquals(3, Names.distance("kitten", "sitting"));
    assertEquals(4, Names.distance("", "sgd4"));
  }
}
