package dev.gradus.graph;

/**
 * A node whose kernels can run over a range of its elements, so that {@link TiledSegment} can run a
 * chain of such nodes block by block while the blocks are still in cache.
 *
 * <p>Kernels address values and gradients through {@link Node#vbuf} and {@link Node#gbuf}: index j
 * of a node's buffers holds its element {@link Node#base} + j. Node by node and in a tiled segment
 * those are the node's own arrays with base 0, and a range [from, to) is elements [from, to); in a
 * fused segment an intermediate's buffers are one block of scratch, base is the block's first
 * element, and the range is [0, block length) for every member, so that every kernel loop indexes
 * all its arrays alike (C2 vectorises those). A kernel reading a node that is not rebound (a
 * slice's vector, a product's matrix) finds element e at {@code index(e)}.
 *
 * <p>Contract: within one pass, the ranges (as elements, base + from to base + to) are disjoint, in
 * increasing order, start at 0 and cover every element; a pass with no elements makes one call with
 * an empty range {@code [0, 0)}; a range starts the pass when base + from is 0. After the last
 * range, {@link #finishValue()} (forward) or {@link #finishGrad()} (backward) is called once.
 * Element i of the result depends only on element i of each input of the same size (or on a fixed
 * shift of it, for a slice), so the result is the same whatever the ranges are; terms that sum over
 * all elements (a reduction, a scalar operand's gradient) are carried from range to range in
 * increasing order, which is the order of the whole-array loop.
 */
interface RangeKernel {
  /** Computes elements [from, to) of the value (or adds them to the running sum of a reduction). */
  void computeValue(int from, int to);

  /** Adds the contributions of gradient elements [from, to) to the inputs' gradients. */
  void propagateGrad(int from, int to);

  /** Completes the forward pass after the last range; a reduction writes its result here. */
  default void finishValue() {}

  /** Completes the backward pass after the last range; carried gradient sums are added here. */
  default void finishGrad() {}
}
