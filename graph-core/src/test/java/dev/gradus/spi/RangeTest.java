package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Interval notation and membership of ranges. */
class RangeTest {

  @Test
  void formatsInIntervalNotation() {
    assertEquals("[0, 1]", Range.closed(0, 1).toString());
    assertEquals("[0, 1)", Range.closedOpen(0, 1).toString());
    assertEquals("[1, ∞)", Range.atLeast(1).toString());
    assertEquals("(0, ∞)", Range.greaterThan(0).toString());
    assertEquals("(-∞, ∞)", Range.ALL.toString());
    assertEquals("[0.5, 2.5]", Range.closed(0.5, 2.5).toString());
    assertEquals("(-3, 1.0E-8]", new Range(-3, false, 1e-8, true).toString());
    assertEquals("[-∞, 0]", new Range(Double.NEGATIVE_INFINITY, true, 0, true).toString());
    // a large integer bound reads as an integer, not 2.305843009213694E18
    assertEquals("[1, 2305843009213693952]", Range.closed(1, 0x1p61).toString());
  }

  @Test
  void containsRespectsOpenAndClosedEnds() {
    Range r = Range.closedOpen(0, 1);
    assertTrue(r.contains(0));
    assertTrue(r.contains(0.999999));
    assertFalse(r.contains(1));
    assertFalse(r.contains(-1e-300));
    assertFalse(r.contains(Double.NaN));

    Range open = Range.greaterThan(0);
    assertFalse(open.contains(0));
    assertTrue(open.contains(Double.MIN_VALUE));
    assertFalse(open.contains(Double.POSITIVE_INFINITY));
    assertFalse(Range.ALL.contains(Double.NEGATIVE_INFINITY));
    assertTrue(Range.ALL.contains(-1e308));
    assertTrue(Range.closed(2, 2).contains(2));
  }

  @Test
  void rejectsNonIntervals() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Range.closed(2, 1));
    assertTrue(e.getMessage().contains("2.0") && e.getMessage().contains("1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Range.closed(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> Range.atLeast(Double.NaN));
  }
}
