package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.Range;
import java.util.List;

/**
 * Declarations the "modern" optimizers (lion, lars, lamb, adabelief, yogi, novograd and the
 * schedule-free ones) share: optax's names {@code b1}, {@code b2}, {@code eps_root}, and the block
 * layout of the layer-wise methods.
 */
final class Modern {
  private Modern() {}

  static final Range UNIT = Range.closedOpen(0, 1);
  static final Range NON_NEGATIVE = Range.atLeast(0);

  static HyperParameter b1(double defaultValue, String doc) {
    return HyperParameter.real("b1", defaultValue, UNIT, doc);
  }

  static HyperParameter b2(double defaultValue, String doc) {
    return HyperParameter.real("b2", defaultValue, UNIT, doc);
  }

  static HyperParameter epsRoot(double defaultValue) {
    return HyperParameter.real(
        "eps_root", defaultValue, NON_NEGATIVE, "ε added inside the square root");
  }

  static HyperParameter decoupledWeightDecay(double defaultValue) {
    return HyperParameter.real(
        "weight_decay", defaultValue, NON_NEGATIVE, "weight decay λ, added to the update as λθ");
  }

  /** Checks a scheduled momentum the way the configured one is checked. */
  static double requireMomentum(String owner, String name, double momentum) {
    return Common.require(owner, name, momentum, UNIT);
  }

  /** Where each block starts and ends: what a layer-wise state keeps of its blocks. */
  record Layout(int[] starts, int[] ends) {
    static Layout of(int dimension, List<ParameterBlock> blocks) {
      ParameterBlock.requireTiling(blocks, dimension);
      int[] starts = new int[blocks.size()];
      int[] ends = new int[blocks.size()];
      for (int b = 0; b < blocks.size(); b++) {
        starts[b] = blocks.get(b).offset();
        ends[b] = blocks.get(b).end();
      }
      return new Layout(starts, ends);
    }

    int count() {
      return starts.length;
    }
  }

  /** √(Σ a[i]²) over [from, to). */
  static double norm(double[] a, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += a[i] * a[i];
    }
    return Math.sqrt(sum);
  }
}
