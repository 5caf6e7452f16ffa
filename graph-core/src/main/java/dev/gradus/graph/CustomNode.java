package dev.gradus.graph;

/** A node of a {@link CustomOperation}: it owns the arrays and calls the operation's rules. */
final class CustomNode extends Node {
  private final CustomOperation operation;
  private final CustomOperation.Operands operands = new View();

  CustomNode(CustomOperation operation, int[] shape, Node[] inputs) {
    super(operation.name(), shape, inputs);
    this.operation = operation;
  }

  @Override
  void computeValue() {
    operation.forward(operands);
  }

  @Override
  void propagateGrad() {
    operation.backward(operands);
  }

  @Override
  void computeTangent() {
    operation.tangent(operands);
  }

  @Override
  void propagateGradTangent() {
    operation.backwardTangent(operands);
  }

  /** The node's arrays, read between passes: never the scratch buffers of a fused segment. */
  private final class View implements CustomOperation.Operands {
    @Override
    public int inputCount() {
      return inputs.length;
    }

    @Override
    public int[] inputShape(int input) {
      return inputs[input].shape.clone();
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    @Override
    public double[] input(int input) {
      return inputs[input].value;
    }

    @Override
    public double[] inputTangent(int input) {
      return inputs[input].tangent;
    }

    @Override
    public double[] inputGrad(int input) {
      return inputs[input].grad;
    }

    @Override
    public double[] inputGradTangent(int input) {
      return inputs[input].gradTangent;
    }

    @Override
    public double[] value() {
      return value;
    }

    @Override
    public double[] grad() {
      return grad;
    }

    @Override
    public double[] tangent() {
      return tangent;
    }

    @Override
    public double[] gradTangent() {
      return gradTangent;
    }
  }
}
