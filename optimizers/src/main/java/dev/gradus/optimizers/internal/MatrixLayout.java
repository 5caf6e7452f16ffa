package dev.gradus.optimizers.internal;

import dev.gradus.spi.ParameterBlock;
import java.util.List;

/**
 * Where the matrices of a block layout are, for the matrix methods (muon, shampoo): a block of rank
 * ≥ 2 is the row-major matrix [shape[0], size / shape[0]] viewed in place in the flat vector (a
 * rank-3 or rank-4 block is flattened after its first dimension, as Muon's reference does for
 * convolution filters); every other block is a run of "vector" coordinates.
 */
final class MatrixLayout {
  /** Offset, rows and columns of each matrix block, in block order. */
  final int[] offsets;

  final int[] rows;
  final int[] columns;

  /** Start and end of each non-matrix block, in block order. */
  final int[] vectorStarts;

  final int[] vectorEnds;

  MatrixLayout(int dimension, List<ParameterBlock> blocks) {
    ParameterBlock.requireTiling(blocks, dimension);
    int matrices = 0;
    for (ParameterBlock block : blocks) {
      matrices += block.rank() >= 2 ? 1 : 0;
    }
    offsets = new int[matrices];
    rows = new int[matrices];
    columns = new int[matrices];
    vectorStarts = new int[blocks.size() - matrices];
    vectorEnds = new int[blocks.size() - matrices];
    int m = 0;
    int v = 0;
    for (ParameterBlock block : blocks) {
      if (block.rank() >= 2) {
        offsets[m] = block.offset();
        rows[m] = block.dim(0);
        columns[m] = block.size() / block.dim(0);
        m++;
      } else {
        vectorStarts[v] = block.offset();
        vectorEnds[v] = block.end();
        v++;
      }
    }
  }

  int matrices() {
    return offsets.length;
  }

  /** The largest rows·columns of any matrix block (0 without matrices). */
  int largestMatrix() {
    int largest = 0;
    for (int k = 0; k < offsets.length; k++) {
      largest = Math.max(largest, rows[k] * columns[k]);
    }
    return largest;
  }

  /** The largest min(rows, columns)² of any matrix block. */
  int largestGram() {
    int largest = 0;
    for (int k = 0; k < offsets.length; k++) {
      int r = Math.min(rows[k], columns[k]);
      largest = Math.max(largest, r * r);
    }
    return largest;
  }
}
