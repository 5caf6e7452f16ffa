package dev.gradus.graph;

/** A fixed value. Constants never receive gradients and are never recomputed. */
final class Constant extends Node {
  Constant(Tensor value) {
    super("const", value.shapeInternal(), false, false);
    System.arraycopy(value.dataInternal(), 0, this.value, 0, this.value.length);
  }

  @Override
  void computeValue() {}

  @Override
  void propagateGrad() {}

  @Override
  void computeTangent() {}

  @Override
  void propagateGradTangent() {}
}
