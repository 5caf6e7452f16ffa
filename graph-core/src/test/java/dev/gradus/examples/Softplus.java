// File: graph-core/src/test/java/dev/gradus/examples/Softplus.java
package dev.gradus.examples;

import dev.gradus.graph.CustomOperation;
import dev.gradus.graph.GradientCheck;
import dev.gradus.graph.Graph;
import dev.gradus.graph.Node;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;

/** softplus(x) = log(1 + eˣ), elementwise: φ' = σ(x), φ'' = σ(x)(1 − σ(x)). */
public class Softplus extends CustomOperation {
  public Softplus() {
    super("softplus");
  }

  @Override
  protected int[] shape(int[][] inputShapes) {
    if (inputShapes.length != 1) {
      throw new IllegalArgumentException("softplus takes one tensor, got " + inputShapes.length);
    }
    return inputShapes[0];
  }

  private static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  @Override
  protected void forward(Operands o) {
    double[] x = o.input(0);
    double[] y = o.value();
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i]))); // no overflow
    }
  }

  @Override
  protected void backward(Operands o) {
    double[] gx = o.inputGrad(0);
    if (gx != null) {
      double[] x = o.input(0);
      double[] g = o.grad();
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * sigmoid(x[i]);
      }
    }
  }

  @Override
  protected void tangent(Operands o) {
    double[] x = o.input(0);
    double[] tx = o.inputTangent(0);
    double[] t = o.tangent();
    for (int i = 0; i < t.length; i++) {
      t[i] = tx == null ? 0 : sigmoid(x[i]) * tx[i];
    }
  }

  @Override
  protected void backwardTangent(Operands o) {
    double[] gxt = o.inputGradTangent(0);
    if (gxt != null) {
      double[] x = o.input(0);
      double[] tx = o.inputTangent(0);
      double[] g = o.grad();
      double[] gt = o.gradTangent();
      for (int i = 0; i < gt.length; i++) {
        double s = sigmoid(x[i]);
        gxt[i] += gt[i] * s + g[i] * s * (1 - s) * tx[i];
      }
    }
  }

  /** Uses the operation in a graph and checks its rules; returns what it prints. */
  public static String example() {
    StringBuilder out = new StringBuilder();
    Variable x = Variable.vector("x", -1, 0.5, 2);
    Node f = new Softplus().apply(x).square().sum(); // f = Σ softplus(xᵢ)²
    Graph graph = f.graph();
    double[] hv = new double[3];
    graph.hessianVectorProduct(new double[] {1, 1, 1}, hv);
    out.append("f = ").append(f.item()).append('\n');
    out.append("grad = ").append(x.grad()).append('\n');
    out.append("H·(1, 1, 1) = ").append(java.util.Arrays.toString(hv)).append('\n');
    GradientCheck.OperationReport report =
        GradientCheck.checkOperation(new Softplus(), 1e-6, 42, Tensor.vector(-1, 0.5, 2));
    out.append(report).append('\n');
    return out.toString();
  }
}
