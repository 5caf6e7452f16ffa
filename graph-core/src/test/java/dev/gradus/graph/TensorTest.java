package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The eager tensor: factories, shape checks, indexing, printing, equality and immutability. */
class TensorTest {

  @Test
  void factoriesMakeTheStatedShapes() {
    assertArrayEquals(new int[0], Tensor.scalar(2.5).shape());
    assertEquals(2.5, Tensor.scalar(2.5).item());
    assertArrayEquals(new int[] {3}, Tensor.vector(1, 2, 3).shape());
    Tensor m = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertArrayEquals(new int[] {2, 3}, m.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.toArray());
    assertArrayEquals(new double[] {0, 0, 0, 0}, Tensor.zeros(2, 2).toArray());
    assertArrayEquals(new double[] {1, 1, 1}, Tensor.ones(3).toArray());
    assertArrayEquals(new double[] {7, 7}, Tensor.full(7, 1, 2).toArray());
    assertArrayEquals(new int[] {1, 2}, Tensor.full(7, 1, 2).shape());
    assertEquals(3, Tensor.full(7, 1, 3, 1).size());
    assertEquals(3, Tensor.full(7, 1, 3, 1).rank());
    assertEquals(0, Tensor.zeros(2, 0, 3).size());
  }

  @Test
  void shapeChecksNameTheShapeAndCounts() {
    ShapeMismatchException wrongCount =
        assertThrows(ShapeMismatchException.class, () -> Tensor.of(new int[] {2, 3}, 1, 2, 3));
    assertTrue(wrongCount.getMessage().contains("[2, 3]"), wrongCount.getMessage());
    assertTrue(wrongCount.getMessage().contains("6"), wrongCount.getMessage());
    assertTrue(wrongCount.getMessage().contains("3"), wrongCount.getMessage());

    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
    assertTrue(negative.getMessage().contains("[2, -1]"), negative.getMessage());

    ShapeMismatchException ragged =
        assertThrows(
            ShapeMismatchException.class,
            () -> Tensor.matrix(new double[] {1, 2}, new double[] {3}));
    assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());

    IllegalStateException item =
        assertThrows(IllegalStateException.class, () -> Tensor.vector(1, 2).item());
    assertTrue(item.getMessage().contains("[2]"), item.getMessage());
  }

  @Test
  void getCountsNegativeIndicesFromTheEnd() {
    Tensor t = Tensor.of(new int[] {2, 3}, 0, 1, 2, 10, 11, 12);
    assertEquals(12, t.get(1, 2));
    assertEquals(12, t.get(-1, -1));
    assertEquals(10, t.get(-1, 0));
    assertEquals(1, t.get(0, -2));
    assertEquals(2, t.get(-2, -1));
    assertEquals(4.0, Tensor.scalar(4).get());

    IndexOutOfBoundsException out =
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 3));
    assertTrue(out.getMessage().contains("3") && out.getMessage().contains("axis 1"));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(-3, 0));
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> t.get(1));
    assertTrue(rank.getMessage().contains("rank 2"), rank.getMessage());
  }

  @Test
  void toStringNestsOneBracketPerAxis() {
    assertEquals("3.0", Tensor.scalar(3).toString());
    assertEquals("[1.0, 2.0]", Tensor.vector(1, 2).toString());
    assertEquals(
        "[[1.0, 2.0], [3.0, 4.0]]",
        Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}).toString());
    assertEquals(
        "[[[1.0], [2.0]], [[3.0], [4.0]]]", Tensor.of(new int[] {2, 2, 1}, 1, 2, 3, 4).toString());
    assertEquals("[[5.0, 6.0, 7.0]]", Tensor.of(new int[] {1, 3}, 5, 6, 7).toString());
  }

  @Test
  void toStringOfZeroSizedTensorsFollowsNumPy() {
    assertEquals("[]", Tensor.zeros(0).toString());
    assertEquals("[[], []]", Tensor.zeros(2, 0).toString());
    assertEquals("[]", Tensor.zeros(0, 2).toString());
    assertEquals("[[[], [], []], [[], [], []]]", Tensor.zeros(2, 3, 0).toString());
  }

  @Test
  void equalityIsByShapeAndElements() {
    Tensor a = Tensor.of(new int[] {2, 2}, 1, 2, 3, 4);
    Tensor b = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Tensor.vector(1, 2, 3, 4));
    assertNotEquals(a, Tensor.of(new int[] {2, 2}, 1, 2, 3, 5));
    assertNotEquals(Tensor.scalar(1), Tensor.vector(1));
    assertNotEquals(a, "not a tensor");
    assertEquals(Tensor.scalar(Double.NaN), Tensor.scalar(Double.NaN));
  }

  @Test
  void tensorsNeverChangeThroughArraysPassedInOrReturned() {
    double[] data = {1, 2, 3, 4};
    int[] shape = {2, 2};
    Tensor t = Tensor.of(shape, data);
    data[0] = 99;
    shape[0] = 4;
    shape[1] = 1;
    assertEquals(1, t.get(0, 0));
    assertArrayEquals(new int[] {2, 2}, t.shape());

    t.toArray()[1] = 99;
    t.shape()[0] = 7;
    assertEquals(2, t.get(0, 1));
    assertArrayEquals(new int[] {2, 2}, t.shape());

    double[] values = {5, 6};
    Tensor v = Tensor.vector(values);
    values[0] = 0;
    assertEquals(5, v.get(0));

    double[] row = {1, 2};
    Tensor m = Tensor.matrix(row, new double[] {3, 4});
    row[0] = 0;
    assertEquals(1, m.get(0, 0));

    // Eager operations return new tensors and leave their operands alone.
    Tensor r = t.reshape(4);
    assertArrayEquals(new int[] {2, 2}, t.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4}, r.toArray());

    // A variable copies its initial tensor, and a node's value() is a copy.
    Variable x = Variable.of("x", t);
    x.set(9, 9, 9, 9);
    assertEquals(1, t.get(0, 0));
    Tensor before = x.value();
    x.set(8, 8, 8, 8);
    assertEquals(9, before.get(0, 0));
  }

  @Test
  void reshapeKeepsRowMajorOrderAndInfersOneDimension() {
    Tensor t = Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor r = t.reshape(3, -1);
    assertArrayEquals(new int[] {3, 2}, r.shape());
    assertEquals(Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}), r);
    assertArrayEquals(new int[] {6}, t.reshape(-1).shape());
    assertArrayEquals(new int[] {1, 6, 1}, t.reshape(1, -1, 1).shape());
    assertArrayEquals(new int[0], Tensor.vector(5).reshape().shape());

    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> t.reshape(4, -1));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, -1]"));
    assertThrows(ShapeMismatchException.class, () -> t.reshape(5));
    assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1));
  }

  @Test
  void transposeMatchesNumPy() {
    Tensor m = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(
        Tensor.matrix(new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6}),
        m.transpose());
    // np.arange(24).reshape(2, 3, 4).transpose(1, 2, 0)[2, 1, 0] == 9, [1, 3, 1] == 19
    double[] arange = new double[24];
    for (int i = 0; i < 24; i++) {
      arange[i] = i;
    }
    Tensor t = Tensor.of(new int[] {2, 3, 4}, arange);
    Tensor p = t.transpose(1, 2, 0);
    assertArrayEquals(new int[] {3, 4, 2}, p.shape());
    assertEquals(9, p.get(2, 1, 0));
    assertEquals(19, p.get(1, 3, 1));
    // np.arange(24).reshape(2, 3, 4).transpose() has shape (4, 3, 2) and [3, 2, 1] == 23
    Tensor reversed = t.transpose();
    assertArrayEquals(new int[] {4, 3, 2}, reversed.shape());
    assertEquals(23, reversed.get(3, 2, 1));
    assertEquals(13, reversed.get(1, 0, 1));
    // Negative axes are accepted, duplicates are not.
    assertEquals(p, t.transpose(-2, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> t.transpose(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> t.transpose(0, 1));
    assertEquals(Tensor.vector(1, 2), Tensor.vector(1, 2).transpose());
  }

  @Test
  void sliceMatchesNumPy() {
    Tensor v = Tensor.vector(0, 1, 2, 3, 4, 5, 6);
    assertEquals(Tensor.vector(1, 3, 5), v.slice(0, 1, 6, 2)); // v[1:6:2]
    assertEquals(Tensor.vector(4, 5), v.slice(0, -3, -1, 1)); // v[-3:-1]
    assertEquals(Tensor.vector(0, 3, 6), v.slice(0, -100, 100, 3)); // v[-100:100:3]
    assertEquals(Tensor.vector(2, 5), v.slice(0, 2, 7, 3)); // v[2:7:3]
    assertEquals(Tensor.vector(6), v.slice(0, 6, 7, 5)); // v[6:7:5]
    assertEquals(0, v.slice(0, 5, 2, 1).size()); // v[5:2] is empty
    assertArrayEquals(new int[] {0}, v.slice(0, 5, 2, 1).shape());
    assertThrows(IllegalArgumentException.class, () -> v.slice(0, 0, 3, 0));
    assertThrows(IllegalArgumentException.class, () -> v.slice(0, 3, 0, -1));

    Tensor m = Tensor.matrix(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});
    // m[:, 1::2]
    assertEquals(Tensor.matrix(new double[] {2, 4}, new double[] {6, 8}), m.slice(1, 1, 4, 2));
    // m[-1:, :]
    assertEquals(Tensor.matrix(new double[] {5, 6, 7, 8}), m.slice(0, -1, 2, 1));
    // m[:, -2:] along axis -1
    assertEquals(Tensor.matrix(new double[] {3, 4}, new double[] {7, 8}), m.slice(-1, -2, 4, 1));
  }

  @Test
  void selectRemovesTheAxis() {
    Tensor m = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(Tensor.vector(4, 5, 6), m.select(0, 1));
    assertEquals(Tensor.vector(4, 5, 6), m.select(0, -1));
    assertEquals(Tensor.vector(3, 6), m.select(1, -1));
    assertEquals(Tensor.vector(2, 5), m.select(-1, 1));
    assertEquals(Tensor.scalar(6), Tensor.vector(4, 5, 6).select(0, 2));
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> m.select(0, 2));
    assertTrue(e.getMessage().contains("2"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> m.select(1, -4));
    assertThrows(IllegalArgumentException.class, () -> m.select(2, 0));
  }

  @Test
  void broadcastToRepeatsAlongNewAndUnitAxes() {
    assertEquals(
        Tensor.matrix(new double[] {1, 2, 3}, new double[] {1, 2, 3}),
        Tensor.vector(1, 2, 3).broadcastTo(2, 3));
    assertEquals(
        Tensor.matrix(new double[] {1, 1}, new double[] {2, 2}),
        Tensor.of(new int[] {2, 1}, 1, 2).broadcastTo(2, 2));
    assertEquals(Tensor.full(3, 2, 2, 2), Tensor.scalar(3).broadcastTo(2, 2, 2));
    Tensor same = Tensor.vector(1, 2);
    assertEquals(same, same.broadcastTo(2));
  }

  @Test
  void matmulOfTensors() {
    Tensor a = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
    Tensor b = Tensor.matrix(new double[] {5, 6}, new double[] {7, 8});
    assertEquals(Tensor.matrix(new double[] {19, 22}, new double[] {43, 50}), a.matmul(b));
    assertEquals(Tensor.vector(17, 39), a.matmul(Tensor.vector(5, 6)));
    assertEquals(Tensor.vector(23, 34), Tensor.vector(5, 6).matmul(a));
    assertEquals(Tensor.scalar(61), Tensor.vector(5, 6).matmul(Tensor.vector(5, 6)));
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> a.matmul(Tensor.vector(1, 2, 3)));
    assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[3]"));
    assertThrows(
        ShapeMismatchException.class, () -> Tensor.zeros(2, 2, 2).matmul(Tensor.zeros(2, 2)));
    assertThrows(
        ShapeMismatchException.class,
        () -> Ops.dot(Ops.constant(Tensor.vector(1, 2)), Ops.constant(Tensor.vector(1))));
  }

  @Test
  void concatChecksTheOtherDimensions() {
    Node a = Ops.constant(Tensor.zeros(2, 3));
    Node b = Ops.constant(Tensor.zeros(3, 3));
    assertArrayEquals(new int[] {5, 3}, Ops.concat(0, a, b).shape());
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> Ops.concat(1, a, b));
    assertTrue(e.getMessage().contains("[3, 3]") && e.getMessage().contains("[2, 3]"));
    assertThrows(IllegalArgumentException.class, () -> Ops.concat(0));
  }
}
