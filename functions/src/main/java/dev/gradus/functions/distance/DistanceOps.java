package dev.gradus.functions.distance;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.ShapeMismatchException;

/**
 * The measures of {@link Distances} as computation-graph operations, built from {@link Ops}, so
 * that objectives and expressions can use them and get gradients by autodiff.
 *
 * <p>a and b broadcast against each other as in {@link Ops#sub}; each method returns a scalar node.
 * Each measure has the same value as its {@link Distances} counterpart, with the same conventions,
 * except that nothing is checked at evaluation time: a zero vector in {@link #cosine} gives NaN
 * rather than an exception, since the graph is re-run on new values after it is built.
 *
 * <p>Gradients: these distances have kinks where they are not differentiable, and there the graph
 * returns the following. {@link #euclidean} and {@link #minkowski} (p &gt; 1) at a = b, where the
 * norm has no gradient: NaN, because √ has an infinite derivative at 0. {@link #manhattan} where aᵢ
 * = bᵢ: 0 in that coordinate (the derivative of |t| is taken as sign(t)). {@link #chebyshev}: the
 * whole gradient goes to the first coordinate that attains the maximum. {@link #haversine}: NaN
 * where the points coincide or are antipodal. {@link #hamming}, {@link #jaccard} and {@link #dice}
 * count positions, and pass back a gradient of 0.
 */
public final class DistanceOps {
  /** Newton-like steps in {@link #angle}; 4 reach full double precision from π/4, see there. */
  private static final int ANGLE_STEPS = 5;

  private DistanceOps() {}

  /** √(Σ (aᵢ − bᵢ)²). */
  public static Node euclidean(Node a, Node b) {
    return Ops.sqrt(Ops.sum(Ops.square(Ops.sub(a, b))));
  }

  /** Σ |aᵢ − bᵢ|. */
  public static Node manhattan(Node a, Node b) {
    return Ops.sum(Ops.abs(Ops.sub(a, b)));
  }

  /**
   * (Σ |aᵢ − bᵢ|^p)^(1/p) for a fixed p ≥ 1 (p = +∞ gives {@link #chebyshev}).
   *
   * @throws IllegalArgumentException for p below 1 or NaN, naming p and the allowed range
   */
  public static Node minkowski(Node a, Node b, double p) {
    Distances.requireMinkowskiOrder(p);
    if (p == Double.POSITIVE_INFINITY) {
      return chebyshev(a, b);
    }
    if (p == 1) {
      return manhattan(a, b);
    }
    return Ops.pow(Ops.sum(Ops.pow(Ops.abs(Ops.sub(a, b)), p)), 1 / p);
  }

  /** maxᵢ |aᵢ − bᵢ|. */
  public static Node chebyshev(Node a, Node b) {
    return Ops.max(Ops.abs(Ops.sub(a, b)));
  }

  /**
   * The number of positions where aᵢ ≠ bᵢ ({@link Distances#hamming}). A count: its gradient is 0
   * everywhere it exists, and 0 is what the graph returns.
   */
  public static Node hamming(Node a, Node b) {
    return Ops.sum(Ops.notEqual(a, b));
  }

  /**
   * The Jaccard distance 1 − |A ∩ B| / |A ∪ B| of the sets of a's and b's nonzero positions ({@link
   * Distances#jaccard}, 0 for two empty sets). Piecewise constant: gradient 0.
   */
  public static Node jaccard(Node a, Node b) {
    Node inA = Ops.nonZero(a);
    Node inB = Ops.nonZero(b);
    Node both = Ops.sum(Ops.mul(inA, inB));
    Node either = Ops.sub(Ops.sum(Ops.add(inA, inB)), both);
    return oneMinusShare(both, either);
  }

  /**
   * The Sørensen–Dice distance 1 − 2|A ∩ B| / (|A| + |B|) of the sets of a's and b's nonzero
   * positions ({@link Distances#dice}, 0 for two empty sets). Piecewise constant: gradient 0.
   */
  public static Node dice(Node a, Node b) {
    Node inA = Ops.nonZero(a);
    Node inB = Ops.nonZero(b);
    Node both = Ops.mul(2.0, Ops.sum(Ops.mul(inA, inB)));
    Node sizes = Ops.sum(Ops.add(inA, inB));
    return oneMinusShare(both, sizes);
  }

  /**
   * 1 − part / whole for counts, 0 when whole = 0 (two empty sets are alike), computed as {@link
   * Distances} does, 1 − part / whole, so that the values agree to the bit: the numerator gains 1
   * and the divisor becomes 1 exactly when whole is 0 (max(w, 1) = (w + 1 + |w − 1|) / 2 is exact
   * for counts).
   */
  private static Node oneMinusShare(Node part, Node whole) {
    Node empty = Ops.sub(1.0, Ops.nonZero(whole));
    Node divisor =
        Ops.mul(
            0.5,
            Ops.add(Ops.add(whole, Ops.constant(1.0)), Ops.abs(Ops.sub(whole, Ops.constant(1.0)))));
    return Ops.sub(1.0, Ops.div(Ops.add(part, empty), divisor));
  }

  /** 1 − a·b / (‖a‖ ‖b‖); NaN when a or b is the zero vector. */
  public static Node cosine(Node a, Node b) {
    Node dot = Ops.sum(Ops.mul(a, b));
    Node norms = Ops.mul(Ops.sqrt(Ops.sum(Ops.square(a))), Ops.sqrt(Ops.sum(Ops.square(b))));
    return Ops.sub(1.0, Ops.div(dot, norms));
  }

  /**
   * Great-circle distance in km between points a and b, each a 2-vector (latitude, longitude) in
   * degrees, on a sphere of radius {@link Distances#EARTH_MEAN_RADIUS_KM}: the formula of {@link
   * Distances#haversine(double, double, double, double)}.
   *
   * @throws ShapeMismatchException unless a and b both have shape [2]
   */
  public static Node haversine(Node a, Node b) {
    requireLatitudeLongitude(a);
    requireLatitudeLongitude(b);
    double radians = Math.PI / 180;
    Node phi1 = Ops.mul(radians, Ops.select(a, 0, 0));
    Node phi2 = Ops.mul(radians, Ops.select(b, 0, 0));
    Node deltaLambda = Ops.mul(radians, Ops.sub(Ops.select(b, 0, 1), Ops.select(a, 0, 1)));
    Node sinHalfDeltaPhi = Ops.sin(Ops.mul(0.5, Ops.sub(phi2, phi1)));
    Node sinHalfDeltaLambda = Ops.sin(Ops.mul(0.5, deltaLambda));
    Node h =
        Ops.add(
            Ops.square(sinHalfDeltaPhi),
            Ops.mul(Ops.mul(Ops.cos(phi1), Ops.cos(phi2)), Ops.square(sinHalfDeltaLambda)));
    // asin(√h) is the angle whose sine is √h and cosine √(1 − h).
    Node halfAngle = angle(Ops.sqrt(h), Ops.sqrt(Ops.sub(1.0, h)));
    return Ops.mul(2 * Distances.EARTH_MEAN_RADIUS_KM, halfAngle);
  }

  /**
   * The angle θ ∈ [0, π/2] with sin θ = s and cos θ = c, for s, c ≥ 0 and s² + c² = 1. The graph
   * has no inverse trigonometric operation, so θ is found by iterating θ ← θ + (s cos θ − c sin θ).
   * The step is sin(θ* − θ), so the error e = θ* − θ becomes e − sin e ≈ e³/6: from θ = π/4 (|e| ≤
   * π/4) it falls to 0.078, 8·10⁻⁵, 9·10⁻¹⁴ and then below rounding. Autodiff through the steps
   * converges as fast to the exact derivative dθ = c·ds − s·dc.
   */
  private static Node angle(Node s, Node c) {
    Node theta = Ops.constant(Math.PI / 4);
    for (int step = 0; step < ANGLE_STEPS; step++) {
      Node correction = Ops.sub(Ops.mul(s, Ops.cos(theta)), Ops.mul(c, Ops.sin(theta)));
      theta = Ops.add(theta, correction);
    }
    return theta;
  }

  private static void requireLatitudeLongitude(Node point) {
    if (point.rank() != 1 || point.size() != 2) {
      throw new ShapeMismatchException(
          "haversine: points must have shape [2] (latitude, longitude in degrees), got "
              + point.describe());
    }
  }
}
