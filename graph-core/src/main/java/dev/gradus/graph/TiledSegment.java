package dev.gradus.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run of consecutive tape nodes over one index range [0, length), evaluated block by block: the
 * forward pass computes block [lo, hi) of every node in tape order before moving to the next block,
 * and the backward pass does the same in reverse tape order. A chain such as Rosenbrock's ten
 * 10⁶-element nodes then touches each intermediate while it is still in cache, instead of making a
 * full pass over memory per node.
 *
 * <p>Values and gradients are bit-for-bit those of the node-by-node order: every element is
 * computed by the same arithmetic, reductions carry their running sum across blocks in increasing
 * order, and {@link Planner} admits a node only when every gradient element still receives its
 * contributions in the node-by-node order (see {@link Planner#admits}).
 */
final class TiledSegment {
  private final Node[] members;
  private final RangeKernel[] kernels;
  private final Node[] zeroedPerBlock;
  private final int length;
  private final int block;

  private TiledSegment(Node[] members, Node[] zeroedPerBlock, int length, int block) {
    this.members = members;
    this.kernels = new RangeKernel[members.length];
    for (int m = 0; m < members.length; m++) {
      kernels[m] = (RangeKernel) members[m];
    }
    this.zeroedPerBlock = zeroedPerBlock;
    this.length = length;
    this.block = block;
  }

  Node[] members() {
    return members;
  }

  /** True for a member whose gradient this segment zeroes block by block, not the graph upfront. */
  boolean zeroesGradient(Node node) {
    for (Node zeroed : zeroedPerBlock) {
      if (zeroed == node) {
        return true;
      }
    }
    return false;
  }

  void forward() {
    RangeKernel[] ks = kernels;
    for (int lo = 0; lo < length; lo += block) {
      int hi = Math.min(length, lo + block);
      for (RangeKernel kernel : ks) {
        kernel.computeValue(lo, hi);
      }
    }
    if (length == 0) {
      for (RangeKernel kernel : ks) {
        kernel.computeValue(0, 0);
      }
    }
    for (RangeKernel kernel : ks) {
      kernel.finishValue();
    }
  }

  void backward() {
    RangeKernel[] ks = kernels;
    Node[] nodes = members;
    for (int lo = 0; lo < length; lo += block) {
      int hi = Math.min(length, lo + block);
      for (Node zeroed : zeroedPerBlock) {
        Arrays.fill(zeroed.grad, lo, hi, 0.0);
      }
      for (int m = ks.length - 1; m >= 0; m--) {
        if (nodes[m].requiresGrad) {
          ks[m].propagateGrad(lo, hi);
        }
      }
    }
    if (length == 0) {
      for (int m = ks.length - 1; m >= 0; m--) {
        if (nodes[m].requiresGrad) {
          ks[m].propagateGrad(0, 0);
        }
      }
    }
    for (int m = ks.length - 1; m >= 0; m--) {
      if (nodes[m].requiresGrad) {
        ks[m].finishGrad();
      }
    }
  }

  /**
   * Splits a tape into tiled segments. A segment is a maximal run of consecutive recomputed nodes
   * with range kernels over the same length; a full sum or mean ends it.
   */
  static final class Planner {
    private final int block;
    private final int minLength;
    private final Map<Node, List<Node>> consumers = new IdentityHashMap<>();
    private final Node output;

    private final List<Node> open = new ArrayList<>();
    private final Set<Node> openSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int openLength = -1;

    /** Nodes created while the segment was open that run before it, in tape order. */
    private final List<Node> hoisted = new ArrayList<>();

    /** Per gradient target outside the open segment: the contributions received so far. */
    private final Map<Node, Contributions> targets = new IdentityHashMap<>();

    /**
     * Contributions of the open segment's nodes to one gradient buffer outside it: the element
     * offsets of the aligned ones (x's element offset + i from a member's element i), in tape
     * order, and whether one member sums over the whole range into it.
     */
    private static final class Contributions {
      final List<Integer> offsets = new ArrayList<>();
      boolean reduced;
    }

    Planner(Node[] tape, Node output, int block, int minLength) {
      this.block = block;
      this.minLength = minLength;
      this.output = output;
      for (Node node : tape) {
        for (Node input : node.inputs) {
          consumers.computeIfAbsent(input, key -> new ArrayList<>()).add(node);
        }
      }
    }

    /**
     * The steps of {@code recomputed}, in order: each either a {@link Node} or a {@link
     * TiledSegment}.
     */
    List<Object> plan(Node[] recomputed) {
      List<Object> steps = new ArrayList<>();
      for (Node node : recomputed) {
        int range = rangeLength(node);
        if ((range < minLength || range != openLength) && hoistable(node)) {
          hoisted.add(node);
          continue;
        }
        if (range < minLength) {
          close(steps);
          steps.add(node);
          continue;
        }
        if (!(range == openLength && admits(node))) {
          close(steps);
          openLength = range;
          admits(node); // the first member of a segment is always admitted
        }
        open.add(node);
        openSet.add(node);
        if (node instanceof Reductions.Sum) {
          close(steps);
        }
      }
      close(steps);
      return steps;
    }

    /**
     * Whether a node that cannot join the open segment can run before it instead, so that the
     * segment stays open: it must not read a member, and no member may have contributed to the
     * gradient of one of its inputs yet, since node by node those contributions would come after
     * its own (it would propagate before the members created earlier than it). Its other gradient
     * contributions keep their order: members created after it propagate before it either way.
     */
    private boolean hoistable(Node node) {
      if (open.isEmpty()) {
        return false;
      }
      for (Node input : node.inputs) {
        if (openSet.contains(input) || targets.containsKey(input)) {
          return false;
        }
      }
      return true;
    }

    /**
     * The length of the index range a node's range kernels run over, or −1 when they do not apply
     * to it.
     */
    private static int rangeLength(Node node) {
      if (node instanceof Elementwise.Unary
          || node instanceof Elementwise.Binary
          || node instanceof Elementwise.WithScalar) {
        return node.value.length;
      }
      if (node instanceof Structural.Slice slice && slice.contiguous()) {
        return slice.value.length;
      }
      if (node instanceof Reductions.Sum sum && sum.full()) {
        return sum.x.value.length;
      }
      if (node instanceof LinearAlgebra.MatMul product
          && product.matrixTimesVector()
          && !product.a.requiresGrad) {
        return product.value.length;
      }
      return -1;
    }

    /**
     * Whether {@code node} can join the open segment, recording its gradient contributions if so.
     * It cannot when it reads a member other than element-for-element (a slice of a member, a
     * member as a scalar operand or as the vector of a product), or when a gradient buffer outside
     * the segment would receive its contributions in another order than node by node: that is, when
     * the buffer receives a whole-range sum and any other contribution from the segment (the sum is
     * carried across blocks, so other terms would interleave with it), or when aligned
     * contributions to one element would arrive out of reverse tape order. Contributions to element
     * e from offsets d₁ (earlier node) and d₂ (later node) are made in blocks of e − d₁ and e − d₂;
     * the later node must come first, as node by node, so d₂ ≥ d₁.
     */
    private boolean admits(Node node) {
      List<Node> aligned = new ArrayList<>(2);
      List<Integer> offsets = new ArrayList<>(2);
      List<Node> reduced = new ArrayList<>(1);
      if (node instanceof Structural.Slice slice) {
        aligned.add(slice.x);
        offsets.add(slice.offset());
      } else if (node instanceof Elementwise.WithScalar scalar) {
        aligned.add(scalar.x);
        offsets.add(0);
        reduced.add(scalar.s);
      } else if (node instanceof LinearAlgebra.MatMul product) {
        reduced.add(product.b);
      } else {
        for (Node input : node.inputs) {
          aligned.add(input);
          offsets.add(0);
        }
      }
      for (int i = 0; i < aligned.size(); i++) {
        Node input = aligned.get(i);
        if (openSet.contains(input)) {
          if (offsets.get(i) != 0) {
            return false;
          }
        } else if (input.requiresGrad) {
          Contributions c = targets.get(input);
          if (c != null && (c.reduced || offsets.get(i) < maxOffset(c))) {
            return false;
          }
        }
      }
      for (Node input : reduced) {
        if (openSet.contains(input) || (input.requiresGrad && targets.containsKey(input))) {
          return false;
        }
      }
      for (int i = 0; i < aligned.size(); i++) {
        Node input = aligned.get(i);
        if (!openSet.contains(input) && input.requiresGrad) {
          targets.computeIfAbsent(input, key -> new Contributions()).offsets.add(offsets.get(i));
        }
      }
      for (Node input : reduced) {
        if (input.requiresGrad) {
          targets.computeIfAbsent(input, key -> new Contributions()).reduced = true;
        }
      }
      return true;
    }

    private static int maxOffset(Contributions c) {
      int max = Integer.MIN_VALUE;
      for (int offset : c.offsets) {
        max = Math.max(max, offset);
      }
      return max;
    }

    private void close(List<Object> steps) {
      steps.addAll(hoisted);
      hoisted.clear();
      if (open.size() >= 2) {
        List<Node> zeroed = new ArrayList<>();
        for (Node member : open) {
          if (member.requiresGrad
              && member.value.length == openLength
              && member != output
              && openSet.containsAll(consumers.getOrDefault(member, List.of()))) {
            zeroed.add(member);
          }
        }
        steps.add(
            new TiledSegment(
                open.toArray(new Node[0]), zeroed.toArray(new Node[0]), openLength, block));
      } else {
        steps.addAll(open);
      }
      open.clear();
      openSet.clear();
      targets.clear();
      openLength = -1;
    }
  }
}
