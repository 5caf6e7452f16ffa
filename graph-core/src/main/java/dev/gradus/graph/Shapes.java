package dev.gradus.graph;

import java.util.Arrays;

/** Shape arithmetic shared by tensors and graph operations. Shapes are row-major. */
final class Shapes {
  static final int[] SCALAR = new int[0];

  private Shapes() {}

  static int size(int[] shape) {
    long size = 1;
    for (int d : shape) {
      size *= d;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "shape " + format(shape) + " has more than " + Integer.MAX_VALUE + " elements");
      }
    }
    return (int) size;
  }

  static int[] checked(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + format(shape));
      }
    }
    size(shape);
    return shape.clone();
  }

  static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int stride = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= shape[i];
    }
    return strides;
  }

  static String format(int[] shape) {
    return Arrays.toString(shape);
  }

  /** NumPy broadcasting of two shapes; {@code op} names the operation in the error. */
  static int[] broadcast(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new ShapeMismatchException(
            op + ": shapes " + format(a) + " and " + format(b) + " cannot be broadcast together");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** True when {@code from} broadcasts to {@code to} without changing {@code to}. */
  static boolean broadcastsTo(int[] from, int[] to) {
    if (from.length > to.length) {
      return false;
    }
    int offset = to.length - from.length;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != 1 && from[i] != to[i + offset]) {
        return false;
      }
    }
    return true;
  }

  /**
   * For each flat index of {@code to}, the flat index of {@code from} that broadcasting reads.
   * Requires {@link #broadcastsTo}.
   */
  static int[] broadcastIndex(int[] from, int[] to) {
    int n = size(to);
    int[] map = new int[n];
    int offset = to.length - from.length;
    int[] fromStrides = strides(from);
    int[] counter = new int[to.length];
    int source = 0;
    for (int i = 0; i < n; i++) {
      map[i] = source;
      for (int axis = to.length - 1; axis >= 0; axis--) {
        int fromAxis = axis - offset;
        boolean moves = fromAxis >= 0 && from[fromAxis] != 1;
        counter[axis]++;
        if (moves) {
          source += fromStrides[fromAxis];
        }
        if (counter[axis] < to[axis]) {
          break;
        }
        counter[axis] = 0;
        if (moves) {
          source -= fromStrides[fromAxis] * to[axis];
        }
      }
    }
    return map;
  }

  /** Normalises a possibly negative axis, naming {@code op} when it is out of range. */
  static int axis(String op, int axis, int rank) {
    int normalized = axis < 0 ? axis + rank : axis;
    if (normalized < 0 || normalized >= rank) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
    }
    return normalized;
  }

  static int[] without(int[] shape, int axis) {
    int[] out = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  static int outer(int[] shape, int axis) {
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= shape[i];
    }
    return outer;
  }

  static int inner(int[] shape, int axis) {
    int inner = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    return inner;
  }

  /** Resolves a reshape target that may contain one {@code -1}. */
  static int[] reshapeTarget(int[] from, int[] to) {
    int known = 1;
    int unknown = -1;
    for (int i = 0; i < to.length; i++) {
      if (to[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "reshape: only one dimension may be -1 in " + format(to));
        }
        unknown = i;
      } else if (to[i] < 0) {
        throw new IllegalArgumentException("reshape: negative dimension in " + format(to));
      } else {
        known *= to[i];
      }
    }
    int size = size(from);
    int[] resolved = to.clone();
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw new ShapeMismatchException(
            "reshape: cannot reshape " + format(from) + " into " + format(to));
      }
      resolved[unknown] = size / known;
    }
    if (size(resolved) != size) {
      throw new ShapeMismatchException(
          "reshape: cannot reshape "
              + format(from)
              + " ("
              + size
              + " elements) into "
              + format(to)
              + " ("
              + size(resolved)
              + " elements)");
    }
    return resolved;
  }
}
