package dev.gradus.functions.distance;

import java.util.List;

/**
 * The nine distance measures of the lecture's reference ("9 distance measures in data science") on
 * plain {@code double[]} vectors. Every method is static, allocation-free and leaves its arguments
 * unchanged.
 *
 * <p>Vector arguments must have equal lengths; otherwise an {@link IllegalArgumentException} names
 * both lengths. The differentiable measures also exist as graph operations in {@link DistanceOps}.
 */
public final class Distances {
  /**
   * The Earth's mean radius in km, (2a + b)/3 of the WGS-84 ellipsoid as given by the IUGG:
   * 6,371.0088 km. {@link #haversine} treats the Earth as a sphere of this radius, so its results
   * can differ from ellipsoidal (geodesic) distances by up to about 0.5%.
   */
  public static final double EARTH_MEAN_RADIUS_KM = 6371.0088;

  private Distances() {}

  /** Euclidean (L2) distance √(Σ (aᵢ − bᵢ)²). */
  public static double euclidean(double[] a, double[] b) {
    requireSameLength("euclidean", a, b);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** Manhattan (L1, taxicab) distance Σ |aᵢ − bᵢ|. */
  public static double manhattan(double[] a, double[] b) {
    requireSameLength("manhattan", a, b);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum;
  }

  /**
   * Minkowski (Lp) distance (Σ |aᵢ − bᵢ|^p)^(1/p) for p ≥ 1; p = 1 is {@link #manhattan}, p = 2
   * {@link #euclidean}, and p = +∞ the limit {@link #chebyshev}. For p &lt; 1 the formula is not a
   * metric (the triangle inequality fails), so such p are rejected.
   *
   * <p>The differences are scaled by their largest magnitude before raising them to the power p, so
   * large p neither overflows nor underflows.
   *
   * @throws IllegalArgumentException if p is NaN or below 1, naming p and the allowed range
   */
  public static double minkowski(double[] a, double[] b, double p) {
    requireMinkowskiOrder(p);
    requireSameLength("minkowski", a, b);
    double largest = chebyshev(a, b);
    if (largest == 0 || p == Double.POSITIVE_INFINITY || Double.isInfinite(largest)) {
      return largest;
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.pow(Math.abs(a[i] - b[i]) / largest, p);
    }
    return largest * Math.pow(sum, 1 / p);
  }

  /** Chebyshev (L∞) distance maxᵢ |aᵢ − bᵢ|; 0 for empty vectors. */
  public static double chebyshev(double[] a, double[] b) {
    requireSameLength("chebyshev", a, b);
    double largest = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (!(d <= largest)) { // also lets a NaN through, which then stays
        largest = d;
        if (Double.isNaN(d)) {
          return d;
        }
      }
    }
    return largest;
  }

  /**
   * Cosine similarity a·b / (‖a‖ ‖b‖), in [−1, 1]: 1 for vectors pointing the same way, 0 for
   * orthogonal ones, −1 for opposite ones.
   *
   * @throws IllegalArgumentException if either vector is zero, for which the angle is undefined
   */
  public static double cosineSimilarity(double[] a, double[] b) {
    requireSameLength("cosine", a, b);
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    if (normA == 0 || normB == 0) {
      throw new IllegalArgumentException(
          "cosine: the "
              + (normA == 0 ? "first" : "second")
              + " vector is zero, and the angle to a zero vector is undefined");
    }
    double similarity = dot / (Math.sqrt(normA) * Math.sqrt(normB));
    return Math.max(-1, Math.min(1, similarity)); // rounding can step just outside [−1, 1]
  }

  /**
   * Cosine distance 1 − {@link #cosineSimilarity}, in [0, 2]. It only depends on the directions of
   * a and b and is not a metric (the triangle inequality can fail).
   *
   * @throws IllegalArgumentException if either vector is zero
   */
  public static double cosine(double[] a, double[] b) {
    return 1 - cosineSimilarity(a, b);
  }

  /**
   * Hamming distance as a count: the number of positions i where aᵢ ≠ bᵢ, compared with {@code ==},
   * so 0.0 equals −0.0 and NaN differs from everything, itself included. See {@link
   * #hammingFraction} for the share of positions.
   */
  public static int hamming(double[] a, double[] b) {
    requireSameLength("hamming", a, b);
    int differing = 0;
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] == b[i])) {
        differing++;
      }
    }
    return differing;
  }

  /** Hamming distance between two strings of equal length: the number of differing chars. */
  public static int hamming(CharSequence a, CharSequence b) {
    if (a.length() != b.length()) {
      throw new IllegalArgumentException(
          "hamming: strings must have equal lengths, got " + a.length() + " and " + b.length());
    }
    int differing = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        differing++;
      }
    }
    return differing;
  }

  /**
   * Normalised Hamming distance: {@link #hamming} divided by the length, in [0, 1]; 0 for two empty
   * vectors.
   */
  public static double hammingFraction(double[] a, double[] b) {
    int differing = hamming(a, b);
    return a.length == 0 ? 0 : (double) differing / a.length;
  }

  /**
   * Jaccard index |A ∩ B| / |A ∪ B| of two sets given as membership vectors: element i belongs to a
   * set when its entry is nonzero (NaN counts as nonzero). Two empty sets are identical, so their
   * index is 1.
   */
  public static double jaccardIndex(double[] a, double[] b) {
    requireSameLength("jaccard", a, b);
    int both = 0;
    int either = 0;
    for (int i = 0; i < a.length; i++) {
      boolean inA = a[i] != 0;
      boolean inB = b[i] != 0;
      both += inA && inB ? 1 : 0;
      either += inA || inB ? 1 : 0;
    }
    return either == 0 ? 1 : (double) both / either;
  }

  /** Jaccard distance 1 − {@link #jaccardIndex}, in [0, 1]; 0 for two empty sets. A metric. */
  public static double jaccard(double[] a, double[] b) {
    return 1 - jaccardIndex(a, b);
  }

  /** {@link #jaccardIndex} on boolean membership vectors. */
  public static double jaccardIndex(boolean[] a, boolean[] b) {
    requireSameLength("jaccard", a.length, b.length);
    int both = 0;
    int either = 0;
    for (int i = 0; i < a.length; i++) {
      both += a[i] && b[i] ? 1 : 0;
      either += a[i] || b[i] ? 1 : 0;
    }
    return either == 0 ? 1 : (double) both / either;
  }

  /**
   * Sørensen–Dice coefficient 2|A ∩ B| / (|A| + |B|) of two sets given as membership vectors
   * (nonzero = member, as for {@link #jaccardIndex}); 1 for two empty sets.
   */
  public static double diceCoefficient(double[] a, double[] b) {
    requireSameLength("dice", a, b);
    int both = 0;
    int sizes = 0;
    for (int i = 0; i < a.length; i++) {
      boolean inA = a[i] != 0;
      boolean inB = b[i] != 0;
      both += inA && inB ? 1 : 0;
      sizes += (inA ? 1 : 0) + (inB ? 1 : 0);
    }
    return sizes == 0 ? 1 : 2.0 * both / sizes;
  }

  /**
   * Sørensen–Dice distance 1 − {@link #diceCoefficient}, in [0, 1]; 0 for two empty sets. Unlike
   * the Jaccard distance it is not a metric: the triangle inequality can fail.
   */
  public static double dice(double[] a, double[] b) {
    return 1 - diceCoefficient(a, b);
  }

  /** {@link #diceCoefficient} on boolean membership vectors. */
  public static double diceCoefficient(boolean[] a, boolean[] b) {
    requireSameLength("dice", a.length, b.length);
    int both = 0;
    int sizes = 0;
    for (int i = 0; i < a.length; i++) {
      both += a[i] && b[i] ? 1 : 0;
      sizes += (a[i] ? 1 : 0) + (b[i] ? 1 : 0);
    }
    return sizes == 0 ? 1 : 2.0 * both / sizes;
  }

  /**
   * Great-circle distance in km between two points given as (latitude, longitude) in degrees, on a
   * sphere of radius {@link #EARTH_MEAN_RADIUS_KM}, by the haversine formula:
   *
   * <pre>
   * h = sin²((φ₂ − φ₁)/2) + cos φ₁ · cos φ₂ · sin²((λ₂ − λ₁)/2)
   * d = 2R · asin(√h)
   * </pre>
   *
   * with φ the latitudes and λ the longitudes in radians. Latitudes must lie in [−90, 90];
   * longitudes may be any finite number (they wrap around).
   *
   * @throws IllegalArgumentException for a latitude outside [−90, 90] or a non-finite longitude
   */
  public static double haversine(double lat1, double lon1, double lat2, double lon2) {
    requireLatitude(lat1);
    requireLatitude(lat2);
    requireLongitude(lon1);
    requireLongitude(lon2);
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
    double sinHalfDeltaLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double h =
        sinHalfDeltaPhi * sinHalfDeltaPhi
            + Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
    // Rounding can push h just above 1 for antipodal points.
    return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
  }

  /** {@link #haversine(double, double, double, double)} for points {latitude, longitude}. */
  public static double haversine(double[] a, double[] b) {
    if (a.length != 2 || b.length != 2) {
      throw new IllegalArgumentException(
          "haversine: points must be {latitude, longitude} in degrees, got lengths "
              + a.length
              + " and "
              + b.length);
    }
    return haversine(a[0], a[1], b[0], b[1]);
  }

  /**
   * The smallest {@link #euclidean} distance from {@code point} to any of {@code minimizers}: how
   * far a run's final point is from the nearest known minimizer.
   *
   * @throws IllegalArgumentException if there are no minimizers or one has another length
   */
  public static double nearest(double[] point, List<double[]> minimizers) {
    if (minimizers.isEmpty()) {
      throw new IllegalArgumentException("nearest: needs at least one minimizer, got none");
    }
    double best = Double.POSITIVE_INFINITY;
    for (double[] minimizer : minimizers) {
      best = Math.min(best, euclidean(point, minimizer));
    }
    return best;
  }

  static void requireMinkowskiOrder(double p) {
    if (!(p >= 1)) {
      throw new IllegalArgumentException(
          "minkowski: p must be in [1, +∞) (below 1 it is not a distance), got p = " + p);
    }
  }

  private static void requireSameLength(String measure, double[] a, double[] b) {
    requireSameLength(measure, a.length, b.length);
  }

  private static void requireSameLength(String measure, int lengthA, int lengthB) {
    if (lengthA != lengthB) {
      throw new IllegalArgumentException(
          measure + ": vectors must have equal lengths, got " + lengthA + " and " + lengthB);
    }
  }

  private static void requireLatitude(double latitude) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException(
          "haversine: latitude must be in [-90, 90] degrees, got " + latitude);
    }
  }

  private static void requireLongitude(double longitude) {
    if (!Double.isFinite(longitude)) {
      throw new IllegalArgumentException(
          "haversine: longitude must be a finite number of degrees, got " + longitude);
    }
  }
}
