package dev.gradus.spi;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named, shaped part of an objective's flat parameter vector (SPI 1.3), such as an MLP layer's
 * weight matrix {@code W1 [64, 32]} or its bias {@code b1 [32]}: the coordinates {@code [offset,
 * offset + size())}, read in row-major order as an array of {@code shape}.
 *
 * <p>A block is a view, not a copy: the runner still hands optimizers one flat {@code double[]},
 * and an optimizer that wants matrices indexes it at {@code offset + i·shape[1] + j} itself. That
 * keeps the per-step path free of copies and lets every existing optimizer ignore blocks.
 *
 * @param name an identifier such as {@code W1}, {@code b}, {@code layer2.bias}: a letter or
 *     underscore, then letters, digits, {@code _}, {@code .} or {@code -}; suites' {@code
 *     param_groups} match these names with globs
 * @param offset the first coordinate, ≥ 0
 * @param shape the dimensions, each ≥ 1 (a scalar parameter has shape {@code [1]}); copied in and
 *     out
 */
public record ParameterBlock(String name, int offset, int[] shape) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  public ParameterBlock {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "block name '"
              + name
              + "' is not an identifier: a letter or '_', then letters, digits, '_', '.' or '-'");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("block '" + name + "': offset " + offset + " is negative");
    }
    if (shape == null || shape.length == 0) {
      throw new IllegalArgumentException("block '" + name + "' has no shape; a scalar is [1]");
    }
    long size = 1;
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException(
            "block '" + name + "': shape " + Arrays.toString(shape) + " has a dimension below 1");
      }
      size *= d;
      if (offset + size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "block '"
                + name
                + "' at offset "
                + offset
                + " with shape "
                + Arrays.toString(shape)
                + " ends past the largest array index");
      }
    }
    shape = shape.clone();
  }

  /** The block {@code name} of shape {@code [size]} at {@code offset}. */
  public static ParameterBlock vector(String name, int offset, int size) {
    return new ParameterBlock(name, offset, new int[] {size});
  }

  /** The block {@code name} of shape {@code [rows, columns]} at {@code offset}, row-major. */
  public static ParameterBlock matrix(String name, int offset, int rows, int columns) {
    return new ParameterBlock(name, offset, new int[] {rows, columns});
  }

  /**
   * The one block {@code params [dimension]} that {@link Objective#blocks()} reports for an
   * objective that describes no structure: optimizers see it as the flat vector it is.
   */
  public static List<ParameterBlock> whole(int dimension) {
    return List.of(vector("params", 0, dimension));
  }

  /** A copy of the shape. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The number of coordinates: the product of the shape. */
  public int size() {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    return size;
  }

  /** One past the last coordinate. */
  public int end() {
    return offset + size();
  }

  /** The number of dimensions of the shape (1 for a vector, 2 for a matrix). */
  public int rank() {
    return shape.length;
  }

  /** The extent of dimension {@code d}. */
  public int dim(int d) {
    return shape[d];
  }

  /** This block moved to {@code newOffset}, as a grouped optimizer sees it in its own buffer. */
  public ParameterBlock at(int newOffset) {
    return new ParameterBlock(name, newOffset, shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterBlock other
        && name.equals(other.name)
        && offset == other.offset
        && Arrays.equals(shape, other.shape);
  }

  @Override
  public int hashCode() {
    return (31 * name.hashCode() + offset) * 31 + Arrays.hashCode(shape);
  }

  /** As messages and docs write it: {@code W1 [64, 32]}. */
  @Override
  public String toString() {
    return name + " " + Arrays.toString(shape);
  }

  /**
   * Returns {@code blocks} if they tile {@code [0, dimension)}: in order of offset, each starting
   * where the one before ends, the last ending at {@code dimension}, with distinct names. Else
   * throws {@link IllegalArgumentException} naming the first gap, overlap or repeated name.
   */
  public static List<ParameterBlock> requireTiling(List<ParameterBlock> blocks, int dimension) {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException(
          "no blocks: give at least one covering the " + dimension + " parameters");
    }
    Set<String> names = new HashSet<>();
    int expected = 0;
    for (ParameterBlock block : blocks) {
      if (!names.add(block.name())) {
        throw new IllegalArgumentException("two blocks are named '" + block.name() + "'");
      }
      if (block.offset() != expected) {
        throw new IllegalArgumentException(
            "block "
                + block
                + " starts at "
                + block.offset()
                + ", but the blocks before it end at "
                + expected
                + (block.offset() < expected ? " (they overlap)" : " (a gap)"));
      }
      expected = block.end();
    }
    if (expected != dimension) {
      throw new IllegalArgumentException(
          "the blocks " + blocks + " cover " + expected + " parameters, not " + dimension);
    }
    return List.copyOf(blocks);
  }
}
