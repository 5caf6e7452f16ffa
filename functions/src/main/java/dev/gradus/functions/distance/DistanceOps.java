package dev.gradus.functions.distance;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.ShapeMismatchException;

/**
 * The differentiable measures of {@link Distances} as computation-graph operations, built from
 * {@link Ops}, so that objectives and expressions can use them and get gradients by autodiff.
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
 * where the points coincide or are antipodal.
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
