package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterBlockTest {

  @Test
  void sizeIsTheProductOfTheShapeAndTheShapeIsCopied() {
    int[] shape = {4, 3};
    ParameterBlock w = new ParameterBlock("W1", 5, shape);
    shape[0] = 99;
    assertEquals(12, w.size());
    assertEquals(17, w.end());
    assertEquals(2, w.rank());
    w.shape()[1] = 99;
    assertArrayEquals(new int[] {4, 3}, w.shape());
    assertEquals("W1 [4, 3]", w.toString());
    assertEquals(ParameterBlock.matrix("W1", 5, 4, 3), w);
    assertNotEquals(ParameterBlock.matrix("W1", 5, 3, 4), w);
  }

  @Test
  void compactConstructorRejectsBadNamesOffsetsAndShapes() {
    for (String bad : new String[] {"", "1w", "w 1", "w*", null}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ParameterBlock.vector(bad, 0, 1));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> ParameterBlock.vector("b", -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ParameterBlock("b", 0, new int[0]));
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> ParameterBlock.matrix("W", 0, 3, 0));
    assertTrue(zero.getMessage().contains("[3, 0]"), zero.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ParameterBlock.matrix("W", 0, 1 << 16, 1 << 16));
  }

  @Test
  void tilingAcceptsContiguousBlocksAndNamesGapsOverlapsAndRepeats() {
    List<ParameterBlock> mlp =
        List.of(
            ParameterBlock.matrix("W1", 0, 2, 3),
            ParameterBlock.vector("b1", 6, 3),
            ParameterBlock.matrix("W2", 9, 3, 1),
            ParameterBlock.vector("b2", 12, 1));
    assertEquals(mlp, ParameterBlock.requireTiling(mlp, 13));
    assertTrue(message(mlp, 14).contains("cover 13 parameters, not 14"), "short of the dimension");
    assertTrue(
        message(List.of(ParameterBlock.vector("a", 0, 2), ParameterBlock.vector("b", 3, 1)), 4)
            .contains("a gap"));
    assertTrue(
        message(List.of(ParameterBlock.vector("a", 0, 2), ParameterBlock.vector("b", 1, 1)), 2)
            .contains("overlap"));
    assertTrue(
        message(List.of(ParameterBlock.vector("a", 0, 1), ParameterBlock.vector("a", 1, 1)), 2)
            .contains("two blocks are named 'a'"));
    assertTrue(message(List.of(), 2).contains("no blocks"));
    assertEquals(List.of(ParameterBlock.vector("params", 0, 7)), ParameterBlock.whole(7));
  }

  private static String message(List<ParameterBlock> blocks, int dimension) {
    return assertThrows(
            IllegalArgumentException.class, () -> ParameterBlock.requireTiling(blocks, dimension))
        .getMessage();
  }
}
