package dev.gradus.graph;

import java.util.Arrays;

/**
 * Operations that move elements without arithmetic: broadcast, reshape, transpose, slice, concat.
 */
final class Structural {
  private Structural() {}

  /** Broadcasts x to a larger shape; the backward pass sums over the broadcast axes. */
  static final class Expand extends Node {
    final Node x;
    private final int[] sourceIndex;

    Expand(Node x, int[] target) {
      super("broadcast", target, x);
      this.x = x;
      this.sourceIndex = x.value.length == 1 ? null : Shapes.broadcastIndex(x.shape, target);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      if (sourceIndex == null) {
        Arrays.fill(out, in[0]);
      } else {
        int[] map = sourceIndex;
        for (int i = 0; i < out.length; i++) {
          out[i] = in[map[i]];
        }
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, gx = x.grad;
      if (sourceIndex == null) {
        double sum = 0;
        for (double v : g) {
          sum += v;
        }
        gx[0] += sum;
      } else {
        int[] map = sourceIndex;
        for (int i = 0; i < g.length; i++) {
          gx[map[i]] += g[i];
        }
      }
    }

    // Linear: the tangent is broadcast, the gradient's tangent summed back, as value and gradient.
    @Override
    void computeTangent() {
      double[] in = x.tangent, out = tangent;
      if (sourceIndex == null) {
        Arrays.fill(out, in[0]);
      } else {
        for (int i = 0; i < out.length; i++) {
          out[i] = in[sourceIndex[i]];
        }
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, gxt = x.gradTangent;
      if (sourceIndex == null) {
        double sum = 0;
        for (double v : gt) {
          sum += v;
        }
        gxt[0] += sum;
      } else {
        for (int i = 0; i < gt.length; i++) {
          gxt[sourceIndex[i]] += gt[i];
        }
      }
    }
  }

  static final class Reshape extends Node {
    final Node x;

    Reshape(Node x, int[] shape) {
      super("reshape", shape, x);
      this.x = x;
    }

    @Override
    void computeValue() {
      System.arraycopy(x.value, 0, value, 0, value.length);
    }

    @Override
    void propagateGrad() {
      double[] g = grad, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i];
      }
    }

    @Override
    void computeTangent() {
      System.arraycopy(x.tangent, 0, tangent, 0, tangent.length);
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i];
      }
    }
  }

  /** Axis permutation: axis i of the result is axis axes[i] of x. */
  static final class Transpose extends Node {
    final Node x;
    private final int[] sourceIndex;

    Transpose(Node x, int[] axes, int[] shape) {
      super("transpose", shape, x);
      this.x = x;
      this.sourceIndex = permutationIndex(x.shape, axes, shape);
    }

    private static int[] permutationIndex(int[] inShape, int[] axes, int[] outShape) {
      int[] inStrides = Shapes.strides(inShape);
      int[] stride = new int[axes.length];
      for (int i = 0; i < axes.length; i++) {
        stride[i] = inStrides[axes[i]];
      }
      int n = Shapes.size(outShape);
      int[] map = new int[n];
      int[] counter = new int[outShape.length];
      int source = 0;
      for (int i = 0; i < n; i++) {
        map[i] = source;
        for (int axis = outShape.length - 1; axis >= 0; axis--) {
          counter[axis]++;
          source += stride[axis];
          if (counter[axis] < outShape[axis]) {
            break;
          }
          counter[axis] = 0;
          source -= stride[axis] * outShape[axis];
        }
      }
      return map;
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      int[] map = sourceIndex;
      for (int i = 0; i < out.length; i++) {
        out[i] = in[map[i]];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, gx = x.grad;
      int[] map = sourceIndex;
      for (int i = 0; i < g.length; i++) {
        gx[map[i]] += g[i];
      }
    }

    @Override
    void computeTangent() {
      double[] in = x.tangent, out = tangent;
      for (int i = 0; i < out.length; i++) {
        out[i] = in[sourceIndex[i]];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[sourceIndex[i]] += gt[i];
      }
    }
  }

  /**
   * Elements start, start + step, ... (fewer than {@code count}) along one axis. With {@code
   * squeeze}, count is 1 and the axis is removed (NumPy's integer indexing).
   */
  static final class Slice extends Node implements RangeKernel {
    final Node x;
    private final int outer;
    private final int inner;
    private final int axisLength;
    private final int start;
    private final int step;
    private final int count;

    Slice(String op, Node x, int axis, int start, int step, int count, int[] shape) {
      super(op, shape, x);
      this.x = x;
      this.outer = Shapes.outer(x.shape, axis);
      this.inner = Shapes.inner(x.shape, axis);
      this.axisLength = x.shape[axis];
      this.start = start;
      this.step = step;
      this.count = count;
    }

    @Override
    void computeValue() {
      gather(x.value, value);
    }

    @Override
    void propagateGrad() {
      scatterAdd(grad, x.grad);
    }

    /**
     * True when the slice is one contiguous run of x, element i being x's element {@link #offset()}
     * + i: step 1 along the first axis (or along an axis with only length-1 axes before it). Only
     * then do the range kernels apply.
     */
    boolean contiguous() {
      return step == 1 && outer == 1;
    }

    /** For a {@linkplain #contiguous() contiguous} slice, x's index of element 0. */
    int offset() {
      return start * inner;
    }

    @Override
    public void computeValue(int from, int to) {
      System.arraycopy(x.vbuf, x.index(base + from) + offset(), vbuf, from, to - from);
    }

    /**
     * One block of scratch, set while a fused segment runs: the block of x's gradient this slice
     * adds to is copied in, added to and copied back, because C2 vectorises the loop {@code w[i] +=
     * g[i]} but not {@code gx[shift + i] += g[i]}, its arrays indexed with different offsets.
     */
    double[] gradWindow;

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, gx = x.gbuf, w = gradWindow;
      int shift = x.index(base) + offset();
      if (w != null && from == 0) {
        System.arraycopy(gx, shift, w, 0, to);
        for (int i = 0; i < to; i++) {
          w[i] += g[i];
        }
        System.arraycopy(w, 0, gx, shift, to);
        return;
      }
      for (int i = from; i < to; i++) {
        gx[shift + i] += g[i];
      }
    }

    @Override
    void computeTangent() {
      gather(x.tangent, tangent);
    }

    @Override
    void propagateGradTangent() {
      scatterAdd(gradTangent, x.gradTangent);
    }

    /** out = the sliced elements of in. */
    private void gather(double[] in, double[] out) {
      // With step 1 the slice of each outer block is one contiguous run of count·inner elements.
      int run = step == 1 ? count * inner : inner;
      int runs = step == 1 ? 1 : count;
      int o = 0;
      for (int block = 0; block < outer; block++) {
        int base = block * axisLength;
        for (int k = 0; k < runs; k++) {
          System.arraycopy(in, (base + start + k * step) * inner, out, o, run);
          o += run;
        }
      }
    }

    /** target += g at the sliced elements. */
    private void scatterAdd(double[] g, double[] target) {
      int run = step == 1 ? count * inner : inner;
      int runs = step == 1 ? 1 : count;
      int o = 0;
      for (int block = 0; block < outer; block++) {
        int base = block * axisLength;
        for (int k = 0; k < runs; k++, o += run) {
          int from = (base + start + k * step) * inner;
          for (int i = 0; i < run; i++) {
            target[from + i] += g[o + i];
          }
        }
      }
    }
  }

  static final class Concat extends Node {
    private final int outer;
    private final int[] chunk;

    Concat(Node[] parts, int axis, int[] shape) {
      super("concat", shape, parts);
      this.outer = Shapes.outer(shape, axis);
      this.chunk = new int[parts.length];
      int inner = Shapes.inner(shape, axis);
      for (int p = 0; p < parts.length; p++) {
        chunk[p] = parts[p].shape[axis] * inner;
      }
    }

    @Override
    void computeValue() {
      int o = 0;
      for (int block = 0; block < outer; block++) {
        for (int p = 0; p < inputs.length; p++) {
          System.arraycopy(inputs[p].value, block * chunk[p], value, o, chunk[p]);
          o += chunk[p];
        }
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad;
      int o = 0;
      for (int block = 0; block < outer; block++) {
        for (int p = 0; p < inputs.length; p++) {
          double[] gp = inputs[p].grad;
          int n = chunk[p];
          if (gp != null) {
            int from = block * n;
            for (int i = 0; i < n; i++) {
              gp[from + i] += g[o + i];
            }
          }
          o += n;
        }
      }
    }

    @Override
    void computeTangent() {
      int o = 0;
      for (int block = 0; block < outer; block++) {
        for (int p = 0; p < inputs.length; p++) {
          double[] tp = inputs[p].tangent;
          if (tp == null) {
            Arrays.fill(tangent, o, o + chunk[p], 0.0);
          } else {
            System.arraycopy(tp, block * chunk[p], tangent, o, chunk[p]);
          }
          o += chunk[p];
        }
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent;
      int o = 0;
      for (int block = 0; block < outer; block++) {
        for (int p = 0; p < inputs.length; p++) {
          double[] gpt = inputs[p].gradTangent;
          int n = chunk[p];
          if (gpt != null) {
            int from = block * n;
            for (int i = 0; i < n; i++) {
              gpt[from + i] += gt[o + i];
            }
          }
          o += n;
        }
      }
    }
  }
}
