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
 * <p>A segment that ends in a full sum or mean, and whose other members feed only members, runs
 * <em>fused</em>: those inner members never touch their own arrays. Their blocks live in scratch
 * buffers of one block (the kernels address them through {@link Node#vbuf}, {@link Node#gbuf} and
 * {@link Node#base}); an input from outside that members read element for element is copied in
 * block by block (a <em>window</em>, whose gradient block is copied in, accumulated and copied
 * back); the backward pass recomputes each block's inner values before propagating through it. So
 * memory sees the inputs, their gradients and the sum, and nothing else. The inner members' own
 * arrays are then stale, which {@link Node#staleValue} and {@link Node#staleGrad} record; reading
 * them ({@link Node#value()}, {@link Node#grad()}, {@code firstNonFinite}, DOT) recomputes them
 * untiled with {@link #materialiseValue(Node)} or {@link #materialiseGradients()}, from the inputs
 * as they were in the pass, which is why a variable set since makes that an error. When the segment
 * ends the graph at its output, its forward pass waits for the backward pass and runs in the same
 * pass over the blocks ({@link #deferForward}).
 *
 * <p>Values and gradients are bit-for-bit those of the node-by-node order: every element is
 * computed by the same arithmetic, reductions carry their running sum across blocks in increasing
 * order, and {@link Planner} admits a node only when every gradient element still receives its
 * contributions in the node-by-node order (see {@link Planner#admits}). A window only caches its
 * input's gradient block, so the terms still arrive one by one in that order.
 */
final class TiledSegment {
  private final Node[] members;
  private final RangeKernel[] kernels;
  private final Node[] zeroedPerBlock;
  private final int length;
  private final int block;

  /** Null for a segment that is tiled but not fused; else the last member, a full sum. */
  private final Reductions.Sum terminal;

  private final Node[] inner;
  private final double[][] innerValues;
  private final double[][] innerGrads;

  /** Per inner slice, the block through which it adds to its vector's gradient, else null. */
  private final double[][] sliceWindows;

  private final Node[] windowed;
  private final double[][] windowValues;
  private final double[][] windowGrads;

  /** Every node outside the segment that a member reads. */
  private final Node[] externals;

  private final Variable[] sources;

  /**
   * Outside nodes whose gradient only members add to: the segment zeroes them itself, in step with
   * the blocks, rather than the graph in a separate pass over memory beforehand. A node read in
   * full (a product's vector, a scalar operand) is zeroed whole before the first block; one read
   * through slices or a window is zeroed up to the highest element the current block can reach,
   * {@code zeroReach[z]} past its end.
   */
  private final Node[] zeroedAhead;

  private final int[] zeroReach;
  private final Node[] zeroedFirst;

  /** The variables' versions when the values the inner members hold in spirit were computed. */
  private final int[] forwardVersions;

  /** The same at the last backward pass, and the terminal's gradient then. */
  private final int[] backwardVersions;

  private final int[] zeroedTo;
  private double terminalGrad;
  private boolean backwardRan;

  private TiledSegment(
      Node[] members,
      Node[] zeroedPerBlock,
      int length,
      int block,
      Node[] windowed,
      Node[] externals,
      Variable[] sources,
      Node[] zeroedAhead,
      int[] zeroReach,
      Node[] zeroedFirst) {
    this.members = members;
    this.kernels = new RangeKernel[members.length];
    for (int m = 0; m < members.length; m++) {
      kernels[m] = (RangeKernel) members[m];
    }
    this.zeroedPerBlock = zeroedPerBlock;
    this.length = length;
    this.block = block;
    boolean fused = windowed != null;
    this.terminal = fused ? (Reductions.Sum) members[members.length - 1] : null;
    int scratch = Math.max(1, Math.min(block, length));
    this.inner = fused ? Arrays.copyOf(members, members.length - 1) : new Node[0];
    this.innerValues = new double[inner.length][];
    this.innerGrads = new double[inner.length][];
    this.sliceWindows = new double[inner.length][];
    for (int j = 0; j < inner.length; j++) {
      innerValues[j] = new double[scratch];
      innerGrads[j] = inner[j].requiresGrad ? new double[scratch] : null;
      if (inner[j] instanceof Structural.Slice && inner[j].requiresGrad) {
        sliceWindows[j] = new double[scratch];
      }
    }
    this.windowed = fused ? windowed : new Node[0];
    this.windowValues = new double[this.windowed.length][];
    this.windowGrads = new double[this.windowed.length][];
    for (int w = 0; w < this.windowed.length; w++) {
      windowValues[w] = new double[scratch];
      windowGrads[w] = this.windowed[w].requiresGrad ? new double[scratch] : null;
    }
    this.externals = fused ? externals : new Node[0];
    this.zeroedAhead = fused ? zeroedAhead : new Node[0];
    this.zeroReach = fused ? zeroReach : new int[0];
    this.zeroedFirst = fused ? zeroedFirst : new Node[0];
    this.zeroedTo = new int[this.zeroedAhead.length];
    this.sources = fused ? sources : new Variable[0];
    this.forwardVersions = new int[this.sources.length];
    this.backwardVersions = new int[this.sources.length];
    // Until the first pass, the inner members hold the values computed when they were built. If
    // a variable was set after one of them was built, those are not the values of the current
    // point, which a fused backward pass would recompute from: node by node the backward pass
    // would use the built values, so without a forward pass it is an error, as after any set.
    recordVersions(forwardVersions);
    long firstBuilt = Long.MAX_VALUE;
    for (Node node : inner) {
      firstBuilt = Math.min(firstBuilt, node.id);
    }
    for (int v = 0; v < this.sources.length; v++) {
      if (this.sources[v].setAt > firstBuilt) {
        forwardVersions[v] = this.sources[v].version - 1;
      }
    }
  }

  Node[] members() {
    return members;
  }

  boolean fused() {
    return terminal != null;
  }

  /** True for a member whose gradient this segment zeroes block by block, not the graph upfront. */
  boolean zeroesGradient(Node node) {
    for (Node[] zeroedHere : new Node[][] {zeroedPerBlock, zeroedAhead, zeroedFirst}) {
      for (Node zeroed : zeroedHere) {
        if (zeroed == node) {
          return true;
        }
      }
    }
    return false;
  }

  /** Zeroes the gradients that the first block may read before it adds to them. */
  private void zeroBeforeFirstBlock() {
    for (Node node : zeroedFirst) {
      node.zeroGrad();
    }
    Arrays.fill(zeroedTo, 0);
  }

  /** Zeroes the gradients of {@link #zeroedAhead} as far as block [lo, hi) can add to them. */
  private void zeroAhead(int hi) {
    for (int z = 0; z < zeroedAhead.length; z++) {
      double[] g = zeroedAhead[z].grad;
      int reach = Math.min(g.length, hi + zeroReach[z]);
      if (reach > zeroedTo[z]) {
        Arrays.fill(g, zeroedTo[z], reach, 0.0);
        zeroedTo[z] = reach;
      }
    }
  }

  /** Zeroes what no block reached. */
  private void zeroRest() {
    for (int z = 0; z < zeroedAhead.length; z++) {
      double[] g = zeroedAhead[z].grad;
      Arrays.fill(g, zeroedTo[z], g.length, 0.0);
      zeroedAhead[z].staleGrad = null;
    }
  }

  void forward() {
    if (terminal != null) {
      fusedForward();
      return;
    }
    RangeKernel[] ks = kernels;
    for (Node member : members) {
      member.staleValue = null;
    }
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
    if (terminal != null) {
      fusedBackward();
      return;
    }
    RangeKernel[] ks = kernels;
    Node[] nodes = members;
    for (Node zeroed : zeroedPerBlock) {
      zeroed.staleGrad = null;
    }
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
    finishGrads();
  }

  /**
   * Lets the forward pass wait for the backward pass, so that both run in one pass over the blocks,
   * the seed gradient being known by then: for the graph's last step, whose terminal is the output,
   * which nothing else in the graph reads. Until then the terminal's value is stale like the inner
   * members'; reading it, or setting one of the variables, runs the forward pass.
   */
  void deferForward() {
    deferrable = true;
  }

  private boolean deferrable;
  private boolean pending;

  private void fusedForward() {
    if (deferrable && claimSources()) {
      pending = true;
      terminal.staleValue = this;
      for (Node node : inner) {
        node.staleValue = this;
      }
      recordVersions(forwardVersions);
      return;
    }
    runForward();
  }

  /** Registers this pending segment with its variables, unless another one is pending on one. */
  private boolean claimSources() {
    for (Variable source : sources) {
      if (source.pending != null && source.pending != this) {
        return false;
      }
    }
    for (Variable source : sources) {
      source.pending = this;
    }
    return true;
  }

  private void releaseSources() {
    pending = false;
    for (Variable source : sources) {
      if (source.pending == this) {
        source.pending = null;
      }
    }
  }

  /**
   * Records that a second-order pass computed every member's value into its own array, node by
   * node, at the variables' current values: nothing is stale, no forward pass is pending, and a
   * later backward pass without a forward pass is one at those values.
   */
  void valuesComputedNodeByNode() {
    if (pending) {
      releaseSources();
    }
    for (Node member : members) {
      member.staleValue = null;
    }
    recordVersions(forwardVersions);
  }

  /** Runs a deferred forward pass on its own, if one is pending. */
  void runPendingForward() {
    if (pending) {
      releaseSources();
      runForward();
      terminal.staleValue = null;
    }
  }

  private void runForward() {
    RangeKernel[] ks = kernels;
    bindScratch();
    int lo = 0;
    do {
      int hi = Math.min(length, lo + block);
      int n = hi - lo;
      startBlock(lo, n);
      for (RangeKernel kernel : ks) {
        kernel.computeValue(0, n);
      }
      lo = hi;
    } while (lo < length);
    terminal.finishValue();
    unbind();
    for (Node node : inner) {
      node.staleValue = this;
    }
    recordVersions(forwardVersions);
  }

  /** The deferred forward pass and the backward pass in one pass over the blocks. */
  private void forwardAndBackward() {
    releaseSources();
    backwardBlocks(kernels.length);
    terminal.finishValue();
    finishGrads();
    unbind();
    terminal.staleValue = null;
    for (Node node : inner) {
      node.staleValue = this;
      if (node.requiresGrad) {
        node.staleGrad = this;
      }
    }
    recordVersions(backwardVersions);
    backwardRan = true;
  }

  private void fusedBackward() {
    if (pending) {
      forwardAndBackward();
      return;
    }
    requireSourcesUnchanged(forwardVersions, "backward()");
    backwardBlocks(kernels.length - 1);
    finishGrads();
    unbind();
    for (Node node : inner) {
      if (node.requiresGrad) {
        node.staleGrad = this;
      }
    }
    recordVersions(backwardVersions);
    backwardRan = true;
  }

  /**
   * The backward pass over the blocks: in each, the values of the first {@code recomputed} members
   * (all of them when the forward pass was deferred to here, all but the terminal reduction when it
   * ran before and the terminal's value is known), then every member's gradient in reverse, with
   * the windows' gradients copied in and out and the scratch gradients zeroed.
   */
  private void backwardBlocks(int recomputed) {
    RangeKernel[] ks = kernels;
    Node[] nodes = members;
    int last = ks.length - 1;
    terminalGrad = terminal.grad[0];
    bindScratch();
    zeroBeforeFirstBlock();
    int lo = 0;
    do {
      int hi = Math.min(length, lo + block);
      int n = hi - lo;
      startBlock(lo, n);
      zeroAhead(hi);
      for (int w = 0; w < windowGrads.length; w++) {
        if (windowGrads[w] != null) {
          System.arraycopy(windowed[w].grad, lo, windowGrads[w], 0, n);
        }
      }
      for (int m = 0; m < recomputed; m++) {
        ks[m].computeValue(0, n);
      }
      for (double[] g : innerGrads) {
        if (g != null) {
          Arrays.fill(g, 0, n, 0.0);
        }
      }
      for (int m = last; m >= 0; m--) {
        if (nodes[m].requiresGrad) {
          ks[m].propagateGrad(0, n);
        }
      }
      for (int w = 0; w < windowGrads.length; w++) {
        if (windowGrads[w] != null) {
          System.arraycopy(windowGrads[w], 0, windowed[w].grad, lo, n);
        }
      }
      lo = hi;
    } while (lo < length);
    zeroRest();
  }

  /** The members' gradient epilogues (a running sum's total, say), last member first. */
  private void finishGrads() {
    for (int m = kernels.length - 1; m >= 0; m--) {
      if (members[m].requiresGrad) {
        kernels[m].finishGrad();
      }
    }
  }

  private void bindScratch() {
    for (int j = 0; j < inner.length; j++) {
      inner[j].vbuf = innerValues[j];
      inner[j].gbuf = innerGrads[j];
    }
    for (int w = 0; w < windowed.length; w++) {
      windowed[w].vbuf = windowValues[w];
      windowed[w].gbuf = windowGrads[w];
    }
    for (int j = 0; j < inner.length; j++) {
      if (inner[j] instanceof Structural.Slice slice) {
        slice.gradWindow = sliceWindows[j];
      }
    }
  }

  /** Points the kernels at elements [lo, lo + n) and copies the windows' values in. */
  private void startBlock(int lo, int n) {
    for (Node member : members) {
      member.base = lo;
    }
    for (int w = 0; w < windowed.length; w++) {
      windowed[w].base = lo;
      System.arraycopy(windowed[w].value, lo, windowValues[w], 0, n);
    }
  }

  private void unbind() {
    for (Node node : inner) {
      if (node instanceof Structural.Slice slice) {
        slice.gradWindow = null;
      }
    }
    for (Node member : members) {
      member.vbuf = member.value;
      member.gbuf = member.grad;
      member.base = 0;
    }
    for (Node node : windowed) {
      node.vbuf = node.value;
      node.gbuf = node.grad;
      node.base = 0;
    }
  }

  /**
   * Recomputes the inner members' values into their own arrays, untiled: the values the last pass
   * computed in scratch buffers.
   *
   * @throws IllegalStateException if a variable was set since that pass
   */
  void materialiseValue(Node node) {
    runPendingForward();
    if (node != terminal) {
      materialiseValues();
    }
  }

  private void materialiseValues() {
    requireSourcesUnchanged(forwardVersions, "reading an intermediate's value");
    for (Node external : externals) {
      external.freshValue();
    }
    for (int m = 0; m < inner.length; m++) {
      kernels[m].computeValue(0, length);
    }
    for (Node node : inner) {
      node.staleValue = null;
    }
  }

  /**
   * Recomputes the inner members' gradients of the last backward pass into their own arrays,
   * untiled, sending what the members would add to outside gradients to throwaway buffers.
   *
   * @throws IllegalStateException if a variable was set since that pass
   */
  void materialiseGradients() {
    if (!backwardRan) {
      throw new IllegalStateException("no backward pass has run through " + inner[0].describe());
    }
    requireSourcesUnchanged(backwardVersions, "reading an intermediate's gradient");
    for (Node node : inner) {
      node.freshValue();
    }
    for (Node external : externals) {
      if (external.gbuf != null) {
        external.gbuf = new double[external.value.length];
      }
    }
    terminal.gbuf = new double[] {terminalGrad};
    // An intermediate whose gradient a later pass of another graph wrote (its staleGrad is no
    // longer this segment) keeps that gradient: its part of the recomputation goes to scratch.
    for (Node node : inner) {
      if (node.grad != null && node.staleGrad != this) {
        node.gbuf = new double[node.grad.length];
      }
    }
    try {
      for (Node node : inner) {
        if (node.gbuf != null) {
          Arrays.fill(node.gbuf, 0.0);
        }
      }
      for (int m = kernels.length - 1; m >= 0; m--) {
        if (members[m].requiresGrad) {
          kernels[m].propagateGrad(0, length);
        }
      }
      finishGrads();
    } finally {
      for (Node external : externals) {
        external.gbuf = external.grad;
      }
      terminal.gbuf = terminal.grad;
      for (Node node : inner) {
        node.gbuf = node.grad;
      }
    }
    for (Node node : inner) {
      if (node.staleGrad == this) {
        node.staleGrad = null;
      }
    }
  }

  private void recordVersions(int[] versions) {
    for (int v = 0; v < sources.length; v++) {
      versions[v] = sources[v].version;
    }
  }

  private void requireSourcesUnchanged(int[] versions, String what) {
    for (int v = 0; v < sources.length; v++) {
      if (sources[v].version != versions[v]) {
        throw new IllegalStateException(
            what
                + ": "
                + inner[0].describe()
                + " and the "
                + (inner.length - 1)
                + " other intermediates fused with it keep no values of their own, and variable "
                + sources[v].name()
                + " was set after the forward pass that computed them; run forward() first");
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

    private final Variable[] sources;

    Planner(Node[] tape, Node output, List<Variable> sources, int block, int minLength) {
      this.block = block;
      this.minLength = minLength;
      this.output = output;
      this.sources = sources.toArray(new Variable[0]);
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
        Node[] members = open.toArray(new Node[0]);
        List<Node> windowed = new ArrayList<>();
        List<Node> externals = new ArrayList<>();
        List<Node> zeroedFirst = new ArrayList<>();
        List<Node> zeroedAhead = new ArrayList<>();
        List<Integer> zeroReach = new ArrayList<>();
        if (fusable(members, windowed, externals, zeroedFirst, zeroedAhead, zeroReach)) {
          List<Node> zeroed = new ArrayList<>();
          for (int m = 0; m < members.length - 1; m++) {
            if (members[m].requiresGrad) {
              zeroed.add(members[m]);
            }
          }
          steps.add(
              new TiledSegment(
                  members,
                  zeroed.toArray(new Node[0]),
                  openLength,
                  block,
                  windowed.toArray(new Node[0]),
                  externals.toArray(new Node[0]),
                  sources,
                  zeroedAhead.toArray(new Node[0]),
                  zeroReach.stream().mapToInt(Integer::intValue).toArray(),
                  zeroedFirst.toArray(new Node[0])));
        } else {
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
                  members,
                  zeroed.toArray(new Node[0]),
                  openLength,
                  block,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null));
        }
      } else {
        steps.addAll(open);
      }
      open.clear();
      openSet.clear();
      targets.clear();
      openLength = -1;
    }

    /**
     * Whether the open segment can run fused: it ends in a full sum, its other members feed only
     * members (so no one outside reads their arrays during a pass), and each node outside that a
     * member reads is read in one way only: element for element (then through a window of the
     * current block) or in full (the vector of a slice, a product's matrix or vector, a scalar
     * operand). Fills {@code windowed} with the first kind and {@code externals} with both, and
     * lists the outside gradients that only members add to: those read in full in {@code
     * zeroedFirst}, the others in {@code zeroedAhead}, with how far past a block's end a member can
     * add to them (the largest slice offset) in {@code zeroReach}.
     */
    private boolean fusable(
        Node[] members,
        List<Node> windowed,
        List<Node> externals,
        List<Node> zeroedFirst,
        List<Node> zeroedAhead,
        List<Integer> zeroReach) {
      if (!(members[members.length - 1] instanceof Reductions.Sum)) {
        return false;
      }
      for (int m = 0; m < members.length - 1; m++) {
        if (members[m] == output
            || !openSet.containsAll(consumers.getOrDefault(members[m], List.of()))) {
          return false;
        }
      }
      Set<Node> aligned = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      Set<Node> whole = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      // Read in full other than by a slice: a product's matrix or vector, a scalar operand.
      Set<Node> summed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (Node member : members) {
        List<Node> elementwise = new ArrayList<>(2);
        List<Node> full = new ArrayList<>(2);
        if (member instanceof Structural.Slice slice) {
          full.add(slice.x);
        } else if (member instanceof LinearAlgebra.MatMul product) {
          full.add(product.a);
          full.add(product.b);
        } else if (member instanceof Elementwise.WithScalar scalar) {
          elementwise.add(scalar.x);
          full.add(scalar.s);
        } else {
          elementwise.addAll(Arrays.asList(member.inputs));
        }
        for (Node input : elementwise) {
          if (!openSet.contains(input)) {
            aligned.add(input);
          }
        }
        for (Node input : full) {
          if (!openSet.contains(input)) {
            whole.add(input);
            if (!(member instanceof Structural.Slice)) {
              summed.add(input);
            }
          }
        }
      }
      for (Node input : aligned) {
        if (whole.contains(input) || input.value.length != openLength) {
          return false;
        }
      }
      for (Node member : members) {
        for (Node input : member.inputs) {
          if (!openSet.contains(input) && !externals.contains(input)) {
            externals.add(input);
            if (aligned.contains(input)) {
              windowed.add(input);
            }
          }
        }
      }
      for (Node external : externals) {
        if (!external.requiresGrad
            || external == output
            || !openSet.containsAll(consumers.getOrDefault(external, List.of()))) {
          continue;
        }
        if (summed.contains(external)) {
          zeroedFirst.add(external);
          continue;
        }
        int reach = 0;
        for (Node member : members) {
          if (member instanceof Structural.Slice slice && slice.x == external) {
            reach = Math.max(reach, slice.offset());
          }
        }
        zeroedAhead.add(external);
        zeroReach.add(reach);
      }
      return true;
    }
  }
}
