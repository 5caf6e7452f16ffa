package dev.gradus.graph;

/**
 * Reductions over one axis, or over all elements when the input is viewed as one long axis. An
 * input of shape [outer..., length, inner...] reduces to [outer..., inner...]; element (o, k, i)
 * sits at flat index (o·length + k)·inner + i.
 */
final class Reductions {
  private Reductions() {}

  abstract static class Reduction extends Node {
    final Node x;
    final int outer;
    final int length;
    final int inner;

    Reduction(String op, Node x, int[] shape, int outer, int length, int inner) {
      super(op, shape, x);
      this.x = x;
      this.outer = outer;
      this.length = length;
      this.inner = inner;
    }
  }

  /** Sum, or mean when {@code mean} (the sum divided by the axis length, as NumPy computes it). */
  static final class Sum extends Reduction implements RangeKernel {
    private final boolean mean;

    /** The running sum over the ranges computed so far, for a {@linkplain #full() full} sum. */
    private double partialSum;

    Sum(String op, Node x, int[] shape, int outer, int length, int inner, boolean mean) {
      super(op, x, shape, outer, length, inner);
      this.mean = mean;
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double sum = 0;
          int at = o * length * inner + i;
          for (int k = 0; k < length; k++, at += inner) {
            sum += in[at];
          }
          out[o * inner + i] = mean ? sum / length : sum;
        }
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, gx = x.grad;
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double share = mean ? g[o * inner + i] / length : g[o * inner + i];
          int at = o * length * inner + i;
          for (int k = 0; k < length; k++, at += inner) {
            gx[at] += share;
          }
        }
      }
    }

    /** True for a sum over all elements, the only form the range kernels compute. */
    boolean full() {
      return outer == 1 && inner == 1;
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf;
      double sum = base + from == 0 ? 0 : partialSum;
      for (int k = from; k < to; k++) {
        sum += in[k];
      }
      partialSum = sum;
    }

    @Override
    public void finishValue() {
      vbuf[0] = mean ? partialSum / length : partialSum;
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] gx = x.gbuf;
      double share = mean ? gbuf[0] / length : gbuf[0];
      for (int k = from; k < to; k++) {
        gx[k] += share;
      }
    }

    @Override
    void computeTangent() {
      double[] in = x.tangent, out = tangent;
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double sum = 0;
          int at = o * length * inner + i;
          for (int k = 0; k < length; k++, at += inner) {
            sum += in[at];
          }
          out[o * inner + i] = mean ? sum / length : sum;
        }
      }
    }

    /** A sum is linear: its gradient's tangent spreads as its gradient does. */
    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, gxt = x.gradTangent;
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double share = mean ? gt[o * inner + i] / length : gt[o * inner + i];
          int at = o * length * inner + i;
          for (int k = 0; k < length; k++, at += inner) {
            gxt[at] += share;
          }
        }
      }
    }
  }

  /**
   * Max or min. The gradient flows to the first element that attains the extreme. A NaN anywhere on
   * the axis makes the result NaN, as in PyTorch.
   */
  static final class Extreme extends Reduction {
    private final boolean max;
    private final int[] winner;

    Extreme(String op, Node x, int[] shape, int outer, int length, int inner, boolean max) {
      super(op, x, shape, outer, length, inner);
      if (length == 0) {
        throw new IllegalArgumentException(op + ": cannot reduce an empty axis of " + x.describe());
      }
      this.max = max;
      this.winner = new int[outer * inner];
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          int at = o * length * inner + i;
          int best = at;
          for (int k = 1; k < length; k++) {
            at += inner;
            double v = in[at];
            double b = in[best];
            if (!Double.isNaN(b) && (Double.isNaN(v) || (max ? v > b : v < b))) {
              best = at;
            }
          }
          winner[o * inner + i] = best;
          out[o * inner + i] = in[best];
        }
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, gx = x.grad;
      for (int j = 0; j < g.length; j++) {
        gx[winner[j]] += g[j];
      }
    }

    /**
     * Along a direction the extreme moves with its winner, the element the forward pass picked: the
     * convention of the gradient, so that first and second order agree at ties.
     */
    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent;
      for (int j = 0; j < t.length; j++) {
        t[j] = tx[winner[j]];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, gxt = x.gradTangent;
      for (int j = 0; j < gt.length; j++) {
        gxt[winner[j]] += gt[j];
      }
    }
  }
}
