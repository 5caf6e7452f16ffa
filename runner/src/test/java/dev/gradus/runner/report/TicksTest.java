package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticks worked out by hand for the axes the plots draw. */
class TicksTest {
  private static List<String> labels(List<Ticks.Tick> ticks) {
    return ticks.stream().filter(Ticks.Tick::major).map(Ticks.Tick::label).toList();
  }

  @Test
  void aLinearAxisStepsByOneTwoOrFiveTimesAPowerOfTen() {
    // 1500 / 8 = 187.5: the first of 100, 200, 500 at least that is 200
    Figure.Axis iterations = new Figure.Axis("iterations", Figure.Scale.LINEAR, 0, 1500, true);
    assertEquals(
        List.of("0", "200", "400", "600", "800", "1000", "1200", "1400"),
        labels(Ticks.of(iterations, 8)));
    // 0.6 / 6 = 0.1, exactly a step: labels are decimals, never 0.30000000000000004
    Figure.Axis share = new Figure.Axis("share", Figure.Scale.LINEAR, 0.3, 0.9, false);
    assertEquals(
        List.of("0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"), labels(Ticks.of(share, 6)));
    Figure.Axis x = new Figure.Axis("x", Figure.Scale.LINEAR, -2.2, 2.2, false);
    assertEquals(List.of("-2", "-1", "0", "1", "2"), labels(Ticks.of(x, 5)));
  }

  @Test
  void anAxisOfIntegersNeverTicksBetweenThem() {
    Figure.Axis count = new Figure.Axis("evaluations", Figure.Scale.LINEAR, 0, 3.5, true);
    assertEquals(List.of("0", "1", "2", "3"), labels(Ticks.of(count, 10)));
  }

  @Test
  void aLogAxisLabelsWholePowersEveryKthWhenTheyAreMany() {
    // 12 powers from 1e-8 to 1e3, room for 6: every second one, the others minor
    Figure.Axis gap = new Figure.Axis("f - f*", Figure.Scale.LOG10, 1e-8, 1e3, false);
    List<Ticks.Tick> ticks = Ticks.of(gap, 6);
    assertEquals(List.of("1e-8", "1e-6", "1e-4", "0.01", "1", "100"), labels(ticks));
    assertEquals(12, ticks.size(), "each whole power is a tick, labelled or not");
    // room for all: minor ticks at 2..9 times each power of ten
    Figure.Axis evaluations = new Figure.Axis("evaluations", Figure.Scale.LOG10, 1, 1000, true);
    List<Ticks.Tick> all = Ticks.of(evaluations, 8);
    assertEquals(List.of("1", "10", "100", "1000"), labels(all));
    assertEquals(4 + 3 * 8, all.size());
    assertTrue(all.stream().anyMatch(t -> !t.major() && Math.abs(t.value() - 300) < 1e-9));
  }

  @Test
  void aLogAxisOfLessThanTwoPowersStillGetsLabels() {
    Figure.Axis narrow = new Figure.Axis("f", Figure.Scale.LOG10, 0.3, 0.9, false);
    assertEquals(
        List.of("0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"), labels(Ticks.of(narrow, 8)));
    Figure.Axis decade = new Figure.Axis("f", Figure.Scale.LOG10, 1, 10, false);
    assertEquals(List.of("1", "2", "5", "10"), labels(Ticks.of(decade, 8)));
    Figure.Axis mse = new Figure.Axis("f", Figure.Scale.LOG10, 0.1, 10, false);
    assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10"), labels(Ticks.of(mse, 8)));
    Figure.Axis lr = new Figure.Axis("lr", Figure.Scale.LOG2, 1, 4, false);
    assertEquals(List.of("1", "2", "4"), labels(Ticks.of(lr, 8)));
  }

  @Test
  void ticksStayInsideTheirAxis() {
    Figure.Axis y = new Figure.Axis("y", Figure.Scale.LOG10, 3e-5, 7e2, false);
    for (Ticks.Tick t : Ticks.of(y, 7)) {
      assertTrue(t.value() >= 3e-5 && t.value() <= 7e2, t.toString());
    }
  }

  @Test
  void decimalsAreExactAndShortOutsideTheReadableRange() {
    assertEquals("2.5e7", Ticks.decimal(new BigDecimal("25000000")));
    assertEquals("1e-5", Ticks.decimal(new BigDecimal("0.00001")));
    assertEquals("0.0002", Ticks.decimal(new BigDecimal("0.00020")));
    assertEquals("-150", Ticks.decimal(new BigDecimal("-150.0")));
    assertEquals("0", Ticks.decimal(BigDecimal.ZERO.setScale(3)));
  }
}
