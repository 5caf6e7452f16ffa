package dev.gradus.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random graphs for the tiled and fused execution tests, which compare them node by node. */
final class RandomChains {
  private RandomChains() {}

  /** A random vector in [−2, 2). */
  static double[] randomVector(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 4 * random.nextDouble() - 2;
    }
    return v;
  }

  /**
   * A chain of {@code operations} random elementwise operations over slices of one vector, a second
   * vector and a scalar variable, every node added into the result and that summed (or averaged):
   * so every node reaches the output, and each slice adds its terms to the vector's gradient.
   *
   * @param withDivision whether {@code a / (b² + 1)} is among the operations
   */
  static Node sumOfChain(Random random, int length, int operations, boolean withDivision) {
    int margin = 3;
    Variable x = Variable.of("x", Tensor.vector(randomVector(random, length + margin)));
    Variable y = Variable.of("y", Tensor.vector(randomVector(random, length)));
    Variable s = Variable.scalar("s", 0.5 + random.nextDouble());
    List<Node> pool = new ArrayList<>();
    pool.add(y);
    int first = random.nextInt(margin + 1);
    pool.add(x.slice(0, first, first + length));
    for (int k = 0; k < operations; k++) {
      Node a = pool.get(random.nextInt(pool.size()));
      Node b = pool.get(random.nextInt(pool.size()));
      Node next =
          switch (random.nextInt(withDivision ? 14 : 13)) {
            case 0 -> a.add(b);
            case 1 -> a.sub(b);
            case 2 -> a.mul(b);
            case 3 -> a.square();
            case 4 -> a.sin();
            case 5 -> a.tanh();
            case 6 -> a.mul(s);
            case 7 -> Ops.sub(s, a);
            case 8 -> a.add(0.25);
            case 9 -> a.neg();
            case 10 -> withDivision ? a.div(b.square().add(1)) : slice(random, x, length, margin);
            default -> slice(random, x, length, margin);
          };
      pool.add(next);
    }
    Node total = pool.get(pool.size() - 1);
    for (int k = pool.size() - 2; k >= 1; k--) {
      total = total.add(pool.get(k));
    }
    return random.nextBoolean() ? total.sum() : total.mean();
  }

  private static Node slice(Random random, Variable x, int length, int margin) {
    int start = random.nextInt(margin + 1);
    return x.slice(0, start, start + length);
  }
}
