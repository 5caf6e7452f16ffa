package dev.gradus.graph;

import java.util.Arrays;

/**
 * An immutable dense tensor of doubles of any rank, stored row-major: a 0-d scalar, a vector, a
 * matrix or higher. Factories copy their input and accessors copy their output, so a tensor never
 * changes once made.
 *
 * <p>The eager operations here ({@link #add}, {@link #reshape}, {@link #slice}, ...) run the same
 * kernels as the graph operations of {@link Ops}, with the same NumPy broadcasting and the same
 * shape checks.
 */
public final class Tensor {
  private final int[] shape;
  private final double[] data;

  private Tensor(int[] shape, double[] data) {
    this.shape = shape;
    this.data = data;
  }

  /** Takes ownership of both arrays without copying; callers must not keep them. */
  static Tensor wrap(int[] shape, double[] data) {
    return new Tensor(shape, data);
  }

  /**
   * A tensor of {@code shape} holding {@code data} in row-major order.
   *
   * @throws ShapeMismatchException if {@code data.length} is not the product of the dimensions
   */
  public static Tensor of(int[] shape, double... data) {
    int[] checked = Shapes.checked(shape);
    if (Shapes.size(checked) != data.length) {
      throw new ShapeMismatchException(
          "shape "
              + Shapes.format(shape)
              + " needs "
              + Shapes.size(checked)
              + " values, got "
              + data.length);
    }
    return new Tensor(checked, data.clone());
  }

  public static Tensor scalar(double value) {
    return new Tensor(Shapes.SCALAR, new double[] {value});
  }

  public static Tensor vector(double... values) {
    return new Tensor(new int[] {values.length}, values.clone());
  }

  /** A matrix from rows, which must all have the same length. */
  public static Tensor matrix(double[]... rows) {
    int columns = rows.length == 0 ? 0 : rows[0].length;
    double[] data = new double[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != columns) {
        throw new ShapeMismatchException(
            "matrix: row " + r + " has " + rows[r].length + " columns, row 0 has " + columns);
      }
      System.arraycopy(rows[r], 0, data, r * columns, columns);
    }
    return new Tensor(new int[] {rows.length, columns}, data);
  }

  public static Tensor zeros(int... shape) {
    return full(0.0, shape);
  }

  public static Tensor ones(int... shape) {
    return full(1.0, shape);
  }

  public static Tensor full(double value, int... shape) {
    int[] checked = Shapes.checked(shape);
    double[] data = new double[Shapes.size(checked)];
    Arrays.fill(data, value);
    return new Tensor(checked, data);
  }

  public int[] shape() {
    return shape.clone();
  }

  int[] shapeInternal() {
    return shape;
  }

  double[] dataInternal() {
    return data;
  }

  public int rank() {
    return shape.length;
  }

  public int size() {
    return data.length;
  }

  /** The only element of a single-element tensor. */
  public double item() {
    if (data.length != 1) {
      throw new IllegalStateException(
          "item() needs a single-element tensor, but shape "
              + Shapes.format(shape)
              + " has "
              + data.length);
    }
    return data[0];
  }

  /** The element at a full index, one entry per axis; negative entries count from the end. */
  public double get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "get: index "
              + Arrays.toString(index)
              + " has "
              + index.length
              + " entries for a tensor of rank "
              + shape.length);
    }
    int flat = 0;
    for (int axis = 0; axis < shape.length; axis++) {
      int i = index[axis] < 0 ? index[axis] + shape[axis] : index[axis];
      if (i < 0 || i >= shape[axis]) {
        throw new IndexOutOfBoundsException(
            "get: index "
                + index[axis]
                + " is out of range for axis "
                + axis
                + " of size "
                + shape[axis]);
      }
      flat = flat * shape[axis] + i;
    }
    return data[flat];
  }

  /** A copy of the elements in row-major order. */
  public double[] toArray() {
    return data.clone();
  }

  public Tensor reshape(int... newShape) {
    return new Tensor(Shapes.reshapeTarget(shape, newShape), data.clone());
  }

  /** Reverses the axes (a matrix transpose for rank 2). */
  public Tensor transpose() {
    return Ops.transpose(Ops.constant(this)).value();
  }

  /** Permutes the axes: axis {@code i} of the result is axis {@code axes[i]} of this tensor. */
  public Tensor transpose(int... axes) {
    return Ops.transpose(Ops.constant(this), axes).value();
  }

  /** NumPy's {@code t[..., start:end:step, ...]} along {@code axis}. */
  public Tensor slice(int axis, int start, int end, int step) {
    return Ops.slice(Ops.constant(this), axis, start, end, step).value();
  }

  /** NumPy's {@code t[..., index, ...]} along {@code axis}, which removes the axis. */
  public Tensor select(int axis, int index) {
    return Ops.select(Ops.constant(this), axis, index).value();
  }

  public Tensor broadcastTo(int... target) {
    return Ops.broadcastTo(Ops.constant(this), target).value();
  }

  public Tensor add(Tensor other) {
    return Ops.add(Ops.constant(this), Ops.constant(other)).value();
  }

  public Tensor sub(Tensor other) {
    return Ops.sub(Ops.constant(this), Ops.constant(other)).value();
  }

  public Tensor mul(Tensor other) {
    return Ops.mul(Ops.constant(this), Ops.constant(other)).value();
  }

  public Tensor div(Tensor other) {
    return Ops.div(Ops.constant(this), Ops.constant(other)).value();
  }

  public Tensor matmul(Tensor other) {
    return Ops.matmul(Ops.constant(this), Ops.constant(other)).value();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  /**
   * NumPy-like nested brackets: {@code 3.0}, {@code [1.0, 2.0]}, {@code [[1.0, 2.0], [3.0, 4.0]]}.
   */
  @Override
  public String toString() {
    if (shape.length == 0) {
      return Double.toString(data[0]);
    }
    StringBuilder out = new StringBuilder();
    appendAxis(out, 0, 0);
    return out.toString();
  }

  private int appendAxis(StringBuilder out, int axis, int offset) {
    out.append('[');
    for (int i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        out.append(", ");
      }
      if (axis == shape.length - 1) {
        out.append(data[offset++]);
      } else {
        offset = appendAxis(out, axis + 1, offset);
      }
    }
    out.append(']');
    return offset;
  }
}
