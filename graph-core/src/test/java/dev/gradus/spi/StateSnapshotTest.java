package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots are deep copies that never change once taken, and say what they are when misused. */
class StateSnapshotTest {

  private static StateSnapshot snapshot(double[] moment, double step) {
    Map<String, double[]> arrays = new LinkedHashMap<>();
    arrays.put("exp_avg", moment);
    arrays.put("exp_avg_sq", new double[] {4, 5, 6});
    Map<String, Double> scalars = new HashMap<>();
    scalars.put("step", step);
    return new StateSnapshot("adam", 3, arrays, scalars);
  }

  @Test
  void arraysAndMapsAreCopiedIn() {
    double[] moment = {1, 2, 3};
    Map<String, double[]> arrays = new HashMap<>();
    arrays.put("exp_avg", moment);
    Map<String, Double> scalars = new HashMap<>();
    scalars.put("step", 7.0);
    StateSnapshot s = new StateSnapshot("adam", 3, arrays, scalars);
    moment[0] = 99;
    arrays.put("other", new double[3]);
    scalars.put("step", 8.0);
    assertArrayEquals(new double[] {1, 2, 3}, s.array("exp_avg"));
    assertEquals(List.of("exp_avg"), List.copyOf(s.arrays().keySet()));
    assertEquals(7.0, s.scalar("step"));
  }

  @Test
  void nothingReturnedCanChangeTheSnapshot() {
    StateSnapshot s = snapshot(new double[] {1, 2, 3}, 7);
    s.array("exp_avg")[0] = 99;
    s.arrays().get("exp_avg")[1] = 99;
    assertArrayEquals(new double[] {1, 2, 3}, s.array("exp_avg"));
    assertArrayEquals(new double[] {1, 2, 3}, s.arrays().get("exp_avg"));
    assertThrows(UnsupportedOperationException.class, () -> s.arrays().put("x", new double[0]));
    assertThrows(UnsupportedOperationException.class, () -> s.scalars().put("x", 1.0));
  }

  @Test
  void snapshotsWithEqualContentAreEqual() {
    StateSnapshot a = snapshot(new double[] {1, 2, 3}, 7);
    StateSnapshot b = snapshot(new double[] {1, 2, 3}, 7);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, snapshot(new double[] {1, 2, 4}, 7));
    assertNotEquals(a, snapshot(new double[] {1, 2, 3}, 8));
    assertTrue(a.toString().contains("[1.0, 2.0, 3.0]"), a.toString());
  }

  @Test
  void missingEntriesAreNamedWithWhatExists() {
    StateSnapshot s = snapshot(new double[] {1, 2, 3}, 7);
    IllegalArgumentException array =
        assertThrows(IllegalArgumentException.class, () -> s.array("momentum"));
    assertTrue(array.getMessage().contains("'momentum'"), array.getMessage());
    assertTrue(array.getMessage().contains("exp_avg_sq"), array.getMessage());
    assertTrue(array.getMessage().contains("'adam'"), array.getMessage());
    IllegalArgumentException scalar =
        assertThrows(IllegalArgumentException.class, () -> s.scalar("t"));
    assertTrue(scalar.getMessage().contains("'t'"), scalar.getMessage());
    assertTrue(scalar.getMessage().contains("[step]"), scalar.getMessage());
  }

  @Test
  void requireFromNamesBothSides() {
    StateSnapshot s = snapshot(new double[] {1, 2, 3}, 7);
    s.requireFrom("adam", 3);
    IllegalArgumentException otherOptimizer =
        assertThrows(IllegalArgumentException.class, () -> s.requireFrom("sgd", 3));
    assertTrue(otherOptimizer.getMessage().contains("'adam'"), otherOptimizer.getMessage());
    assertTrue(otherOptimizer.getMessage().contains("'sgd'"), otherOptimizer.getMessage());
    IllegalArgumentException otherDimension =
        assertThrows(IllegalArgumentException.class, () -> s.requireFrom("adam", 4));
    assertTrue(
        otherDimension.getMessage().contains("dimension 3")
            && otherDimension.getMessage().contains("4"),
        otherDimension.getMessage());
  }
}
