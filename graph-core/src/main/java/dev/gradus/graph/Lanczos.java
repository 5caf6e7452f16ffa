package dev.gradus.graph;

/**
 * The largest eigenvalue of a symmetric operator known only by its products, such as a Hessian by
 * {@link Graph#hessianVectorProduct}: the Lanczos method with full reorthogonalization (Golub &amp;
 * Van Loan, <i>Matrix Computations</i>, 4th ed., §10.1 and §10.3.1), stopped when the Ritz value's
 * residual bound falls below a tolerance.
 *
 * <p>Lanczos and not power iteration, because power iteration finds the eigenvalue largest in
 * magnitude: at a saddle or on a concave stretch that is a negative one, while curvature studies
 * ("sharpness", the edge of stability) want the most positive. After k products the largest Ritz
 * value θ of the k×k tridiagonal T_k satisfies θ ≤ λ_max, and some eigenvalue of the operator lies
 * within β_k·|s_k| of θ (s_k the last component of θ's unit eigenvector of T_k): that bound, {@link
 * Estimate#residualBound}, is what the tolerance is checked against, relative to the largest
 * magnitude among T_k's Ritz values. On a space of dimension n it ends after at most n products,
 * exactly up to rounding.
 *
 * <p>The start is the same pseudo-random unit vector on every call (fixed by the seed), so the
 * estimate is a pure function of the operator: a run's sharpness at x_t depends on x_t alone. The
 * workspace, {@code min(maxIterations, dimension)} + 1 vectors of the dimension, is allocated once
 * by the constructor; a call allocates only its {@link Estimate}. Not thread-safe: one instance per
 * thread.
 */
public final class Lanczos {
  /** The most doubles the basis may hold (256 MiB), so that a large model fails at once. */
  public static final long MAX_BASIS_ENTRIES = 1L << 25;

  /** A symmetric linear operator on vectors of a fixed dimension. */
  @FunctionalInterface
  public interface SymmetricOperator {
    /**
     * Writes A·v into {@code out}; must not modify or keep {@code v}, and {@code out} does not
     * alias it.
     */
    void apply(double[] v, double[] out);
  }

  /**
   * One estimate.
   *
   * @param eigenvalue the largest Ritz value θ, a lower bound on the largest eigenvalue (up to
   *     rounding); NaN when a product was not finite
   * @param residualBound β_k·|s_k|: some eigenvalue lies within it of θ; NaN with the eigenvalue
   * @param products operator products used, each one call of {@link SymmetricOperator#apply}
   * @param converged whether the bound met the tolerance (or the Krylov space was exhausted)
   */
  public record Estimate(
      double eigenvalue, double residualBound, int products, boolean converged) {}

  private final int dimension;
  private final int maxIterations;
  private final double tolerance;
  private final long seed;
  private final double[][] basis;
  private final double[] w;
  private final double[] alpha;
  private final double[] beta;
  private final Tridiagonal tridiagonal;

  /**
   * @param dimension the operator's dimension, at least 1
   * @param maxIterations the most products per estimate, at least 1 (fewer when the dimension is
   *     smaller)
   * @param tolerance the relative residual bound that ends an estimate, in (0, 1)
   * @param seed fixes the start vector
   * @throws IllegalArgumentException naming the argument out of range, or when the basis would
   *     exceed {@link #MAX_BASIS_ENTRIES} doubles
   */
  public Lanczos(int dimension, int maxIterations, double tolerance, long seed) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    int m = Math.min(maxIterations, dimension);
    if ((long) m * dimension > MAX_BASIS_ENTRIES) {
      throw new IllegalArgumentException(
          "a Lanczos basis of "
              + m
              + " vectors of "
              + dimension
              + " coordinates exceeds "
              + MAX_BASIS_ENTRIES
              + " doubles: allow at most "
              + Math.max(1, MAX_BASIS_ENTRIES / dimension)
              + " iterations");
    }
    this.dimension = dimension;
    this.maxIterations = m;
    this.tolerance = tolerance;
    this.seed = seed;
    this.basis = new double[m][dimension];
    this.w = new double[dimension];
    this.alpha = new double[m];
    this.beta = new double[m];
    this.tridiagonal = new Tridiagonal(m);
  }

  /** The operator's dimension. */
  public int dimension() {
    return dimension;
  }

  /** The most products an estimate uses: {@code min(maxIterations, dimension)}. */
  public int maxIterations() {
    return maxIterations;
  }

  /** The largest eigenvalue of {@code operator}, within the tolerance when it converged. */
  public Estimate largestEigenvalue(SymmetricOperator operator) {
    startVector(basis[0]);
    int products = 0;
    for (int j = 0; j < maxIterations; j++) {
      double[] q = basis[j];
      operator.apply(q, w);
      products++;
      double a = dot(q, w);
      if (!Double.isFinite(a)) {
        return new Estimate(Double.NaN, Double.NaN, products, false);
      }
      axpy(-a, q, w);
      if (j > 0) {
        axpy(-beta[j - 1], basis[j - 1], w);
      }
      // full reorthogonalization, twice (classical Gram–Schmidt run twice is orthogonal to working
      // precision): without it, rounding brings back converged directions as spurious copies
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i <= j; i++) {
          double c = dot(basis[i], w);
          axpy(-c, basis[i], w);
          if (i == j) {
            a += c;
          }
        }
      }
      alpha[j] = a;
      double b = Math.sqrt(dot(w, w));
      double top = tridiagonal.largest(alpha, beta, j + 1);
      double scale = Math.max(Math.abs(top), Math.abs(tridiagonal.smallest(alpha, beta, j + 1)));
      double bound = b * Math.abs(tridiagonal.lastComponent(alpha, beta, j + 1, top, scale));
      if (!Double.isFinite(bound)) {
        return new Estimate(Double.NaN, Double.NaN, products, false);
      }
      boolean exhausted = j + 1 == dimension || b <= 0x1p-52 * scale;
      if (bound <= tolerance * scale || exhausted) {
        return new Estimate(top, bound, products, true);
      }
      if (j + 1 == maxIterations) {
        return new Estimate(top, bound, products, false);
      }
      beta[j] = b;
      double[] next = basis[j + 1];
      for (int i = 0; i < dimension; i++) {
        next[i] = w[i] / b;
      }
    }
    throw new AssertionError("unreachable: the loop returns at its last iteration");
  }

  /** A unit vector of splitmix64 coordinates in [−1, 1), the same for every call. */
  private void startVector(double[] v) {
    long state = seed;
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      v[i] = (z >>> 11) * 0x1p-52 - 1.0;
      norm += v[i] * v[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < dimension; i++) {
      v[i] /= norm;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double c, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += c * x[i];
    }
  }

  /**
   * Eigen-facts of a symmetric tridiagonal matrix with diagonal {@code alpha[0..k)} and
   * off-diagonal {@code beta[0..k-1)}: extreme eigenvalues by bisection on Sturm counts (Golub
   * &amp; Van Loan §8.4.1), an eigenvector by inverse iteration with a pivoted tridiagonal solve.
   * Package visible for its tests; its arrays are allocated once, for k up to the capacity.
   */
  static final class Tridiagonal {
    private final double[] sub;
    private final double[] diagonal;
    private final double[] superDiagonal;
    private final double[] secondSuper;
    private final boolean[] swapped;
    private final double[] y;
    private final double[] range = new double[3];

    Tridiagonal(int capacity) {
      sub = new double[capacity];
      diagonal = new double[capacity];
      superDiagonal = new double[capacity];
      secondSuper = new double[capacity];
      swapped = new boolean[capacity];
      y = new double[capacity];
    }

    /** How many eigenvalues are below x: the negative pivots of T − xI's LDLᵀ factorisation. */
    static int countBelow(double[] alpha, double[] beta, int k, double x) {
      int count = 0;
      double d = 1;
      for (int i = 0; i < k; i++) {
        double off = i == 0 ? 0 : beta[i - 1] * beta[i - 1] / d;
        d = alpha[i] - x - off;
        if (d == 0) {
          // a zero pivot is perturbed below zero: x is then counted as just above an eigenvalue
          d = -0x1p-1000;
        }
        if (d < 0) {
          count++;
        }
      }
      return count;
    }

    /** The largest eigenvalue, to a few units in the last place. */
    double largest(double[] alpha, double[] beta, int k) {
      return eigenvalue(alpha, beta, k, k - 1);
    }

    /** The smallest eigenvalue, to a few units in the last place. */
    double smallest(double[] alpha, double[] beta, int k) {
      return eigenvalue(alpha, beta, k, 0);
    }

    /** Eigenvalue {@code j} in increasing order (0 the smallest), by bisection. */
    private double eigenvalue(double[] alpha, double[] beta, int k, int j) {
      double[] range = gershgorin(alpha, beta, k);
      double low = range[0];
      double high = range[1];
      // invariant: at most j eigenvalues below low, more than j below high
      while (true) {
        double mid = low + (high - low) / 2;
        if (mid <= low || mid >= high || narrow(low, high, range[2])) {
          return high;
        }
        if (countBelow(alpha, beta, k, mid) > j) {
          high = mid;
        } else {
          low = mid;
        }
      }
    }

    /**
     * Whether [low, high] is as narrow as rounding allows: a few units in the last place of its
     * ends, or of the matrix's size near zero (where halving would go on into subnormals).
     */
    private static boolean narrow(double low, double high, double size) {
      return high - low
          <= 0x1p-52 * Math.max(Math.max(Math.abs(low), Math.abs(high)), size * 0x1p-8);
    }

    /**
     * An interval holding every eigenvalue, widened so that its ends are strictly outside, and the
     * largest row sum of magnitudes: {low, high, size}.
     */
    private double[] gershgorin(double[] alpha, double[] beta, int k) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      double size = 0;
      for (int i = 0; i < k; i++) {
        double radius = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < k - 1 ? Math.abs(beta[i]) : 0);
        low = Math.min(low, alpha[i] - radius);
        high = Math.max(high, alpha[i] + radius);
        size = Math.max(size, Math.abs(alpha[i]) + radius);
      }
      double margin = Math.max(size * 0x1p-50, Double.MIN_NORMAL);
      range[0] = low - margin;
      range[1] = high + margin;
      range[2] = size;
      return range;
    }

    /**
     * The last component of the unit eigenvector for eigenvalue {@code theta}, by two steps of
     * inverse iteration from the vector of ones; a pivot that vanishes is replaced by ε·scale.
     */
    double lastComponent(double[] alpha, double[] beta, int k, double theta, double scale) {
      if (k == 1) {
        return 1;
      }
      factor(alpha, beta, k, theta, Math.max(scale, Double.MIN_NORMAL) * 0x1p-52);
      java.util.Arrays.fill(y, 0, k, 1.0);
      for (int step = 0; step < 2; step++) {
        solve(k);
        double norm = 0;
        for (int i = 0; i < k; i++) {
          norm = Math.max(norm, Math.abs(y[i]));
        }
        for (int i = 0; i < k; i++) {
          y[i] /= norm;
        }
      }
      double sum = 0;
      for (int i = 0; i < k; i++) {
        sum += y[i] * y[i];
      }
      return y[k - 1] / Math.sqrt(sum);
    }

    /** LU of T − θI with row interchanges (U has two superdiagonals), in place. */
    private void factor(double[] alpha, double[] beta, int k, double theta, double tiny) {
      for (int i = 0; i < k; i++) {
        diagonal[i] = alpha[i] - theta;
        if (i < k - 1) {
          sub[i] = beta[i];
          superDiagonal[i] = beta[i];
        }
        secondSuper[i] = 0;
        swapped[i] = false;
      }
      for (int i = 0; i < k - 1; i++) {
        if (Math.abs(diagonal[i]) >= Math.abs(sub[i])) {
          double pivot = diagonal[i] == 0 ? tiny : diagonal[i];
          diagonal[i] = pivot;
          double factor = sub[i] / pivot;
          sub[i] = factor;
          diagonal[i + 1] -= factor * superDiagonal[i];
        } else {
          // rows i and i + 1 change places: row i + 1 becomes the pivot row
          double factor = diagonal[i] / sub[i];
          diagonal[i] = sub[i];
          sub[i] = factor;
          double oldSuper = superDiagonal[i];
          superDiagonal[i] = diagonal[i + 1];
          diagonal[i + 1] = oldSuper - factor * diagonal[i + 1];
          if (i < k - 2) {
            secondSuper[i] = superDiagonal[i + 1];
            superDiagonal[i + 1] = -factor * superDiagonal[i + 1];
          }
          swapped[i] = true;
        }
      }
      if (diagonal[k - 1] == 0) {
        diagonal[k - 1] = tiny;
      }
    }

    /** Solves (T − θI) z = y with the factorisation, z into y. */
    private void solve(int k) {
      for (int i = 0; i < k - 1; i++) {
        if (swapped[i]) {
          double t = y[i];
          y[i] = y[i + 1];
          y[i + 1] = t - sub[i] * y[i + 1];
        } else {
          y[i + 1] -= sub[i] * y[i];
        }
      }
      y[k - 1] /= diagonal[k - 1];
      if (k > 1) {
        y[k - 2] = (y[k - 2] - superDiagonal[k - 2] * y[k - 1]) / diagonal[k - 2];
      }
      for (int i = k - 3; i >= 0; i--) {
        y[i] = (y[i] - superDiagonal[i] * y[i + 1] - secondSuper[i] * y[i + 2]) / diagonal[i];
      }
    }

    /** The eigenvector {@link #lastComponent} computed last, normalised to its largest entry. */
    double[] vector(int k) {
      return java.util.Arrays.copyOf(y, k);
    }
  }
}
