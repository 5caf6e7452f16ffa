package dev.gradus.optimizers;

import java.util.Arrays;

/**
 * The recorded iterations of one {@link Minimizer#minimize} run, in order: for row i, the iteration
 * t (steps taken to reach x_t), the evaluations made so far (x_t's included), f(x_t) and
 * ‖∇f(x_t)‖₂. The first row is iteration 0 and the last the run's final point. Immutable once
 * returned.
 */
public final class Trace {
  private long[] iterations = new long[16];
  private long[] evaluations = new long[16];
  private double[] f = new double[16];
  private double[] gradNorm = new double[16];
  private int size;

  Trace() {}

  /** Adds a row; the arrays double when full, so a run allocates O(log rows) times. */
  void add(long iteration, long evaluationCount, double value, double norm) {
    if (size == iterations.length) {
      int grown = 2 * size;
      iterations = Arrays.copyOf(iterations, grown);
      evaluations = Arrays.copyOf(evaluations, grown);
      f = Arrays.copyOf(f, grown);
      gradNorm = Arrays.copyOf(gradNorm, grown);
    }
    iterations[size] = iteration;
    evaluations[size] = evaluationCount;
    f[size] = value;
    gradNorm[size] = norm;
    size++;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** The iteration t of row {@code row}. */
  public long iteration(int row) {
    return iterations[check(row)];
  }

  /** The evaluations made up to and including x_t of row {@code row}. */
  public long evaluations(int row) {
    return evaluations[check(row)];
  }

  /** f(x_t) of row {@code row}. */
  public double f(int row) {
    return f[check(row)];
  }

  /** ‖∇f(x_t)‖₂ of row {@code row}. */
  public double gradNorm(int row) {
    return gradNorm[check(row)];
  }

  private int check(int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " of a trace of " + size + " rows");
    }
    return row;
  }

  @Override
  public String toString() {
    return "trace of " + size + " rows";
  }
}
