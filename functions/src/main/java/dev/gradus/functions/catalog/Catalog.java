package dev.gradus.functions.catalog;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Objective;
import java.util.Map;

/**
 * The catalog's test functions as objectives, for Java code: {@code Catalog.rosenbrock(2)} is the
 * objective a suite's {@code {name: rosenbrock, dim: 2}} runs, with its gradient by autodiff, its
 * known minimum, domain and conventional start ({@link Objective#defaultStart}). One factory per
 * catalog id, named after it ({@code three-hump-camel} → {@link #threeHumpCamel()}); scalable
 * functions take the dimension, which is checked against the provider's {@code dim} range. Each
 * call makes a new objective, which one thread at a time may use.
 */
public final class Catalog {
  private Catalog() {}

  /**
   * Ackley function: a nearly flat outer region around a deep central funnel, in {@code dimension}
   * variables ({@code ackley}).
   *
   * @throws InvalidHyperParameterException for a dimension outside the function's range
   */
  public static Objective ackley(int dimension) {
    return scalable(new Ackley(), dimension);
  }

  /** Beale function: flat valleys and sharp corners, minimum 0 at (3, 0.5) ({@code beale}). */
  public static Objective beale() {
    return fixed(new Beale());
  }

  /** Booth function: a convex quadratic with minimum 0 at (1, 3) ({@code booth}). */
  public static Objective booth() {
    return fixed(new Booth());
  }

  /** Bukin function N.6: a non-smooth ridge along y = x²/100 ({@code bukin-n6}). */
  public static Objective bukinN6() {
    return fixed(new BukinN6());
  }

  /**
   * Cross-in-tray function: four global minima in the quadrants' diagonals ({@code cross-in-tray}).
   */
  public static Objective crossInTray() {
    return fixed(new CrossInTray());
  }

  /** Easom function: flat almost everywhere, with a narrow hole at (π, π) ({@code easom}). */
  public static Objective easom() {
    return fixed(new Easom());
  }

  /**
   * Eggholder function: deep irregular wells, the global one on the edge x = 512 ({@code
   * eggholder}).
   */
  public static Objective eggholder() {
    return fixed(new Eggholder());
  }

  /** Goldstein–Price function: a polynomial with minimum 3 at (0, −1) ({@code goldstein-price}). */
  public static Objective goldsteinPrice() {
    return fixed(new GoldsteinPrice());
  }

  /**
   * Griewank function: a wide shallow bowl with many regularly spaced local minima, in {@code
   * dimension} variables ({@code griewank}).
   *
   * @throws InvalidHyperParameterException for a dimension outside the function's range
   */
  public static Objective griewank(int dimension) {
    return scalable(new Griewank(), dimension);
  }

  /** Himmelblau function: four global minima of value 0 ({@code himmelblau}). */
  public static Objective himmelblau() {
    return fixed(new Himmelblau());
  }

  /** Hölder table function: four global minima near the domain's corners ({@code holder-table}). */
  public static Objective holderTable() {
    return fixed(new HolderTable());
  }

  /** Lévi function N.13: a rippled bowl with minimum 0 at (1, 1) ({@code levi-n13}). */
  public static Objective leviN13() {
    return fixed(new LeviN13());
  }

  /** Matyas function: a flat, ill-conditioned convex quadratic ({@code matyas}). */
  public static Objective matyas() {
    return fixed(new Matyas());
  }

  /** McCormick function: minimum at (1/2 − π/3, −1/2 − π/3) ({@code mccormick}). */
  public static Objective mccormick() {
    return fixed(new McCormick());
  }

  /**
   * Rastrigin function: a bowl with a local minimum near every integer point, in {@code dimension}
   * variables ({@code rastrigin}).
   *
   * @throws InvalidHyperParameterException for a dimension outside the function's range
   */
  public static Objective rastrigin(int dimension) {
    return scalable(new Rastrigin(), dimension);
  }

  /**
   * Rosenbrock function: a curved narrow valley with its minimum at (1, ..., 1), in {@code
   * dimension} variables ({@code rosenbrock}).
   *
   * @throws InvalidHyperParameterException for a dimension outside the function's range
   */
  public static Objective rosenbrock(int dimension) {
    return scalable(new Rosenbrock(), dimension);
  }

  /** Schaffer function N.2: concentric ripples around the origin ({@code schaffer-n2}). */
  public static Objective schafferN2() {
    return fixed(new SchafferN2());
  }

  /** Schaffer function N.4: four global minima near the axes ({@code schaffer-n4}). */
  public static Objective schafferN4() {
    return fixed(new SchafferN4());
  }

  /**
   * Shekel function (4-D, m = 10 foxholes): minimum ≈ −10.5364 near (4, 4, 4, 4) ({@code shekel}).
   */
  public static Objective shekel() {
    return fixed(new Shekel());
  }

  /**
   * Sphere function: the convex bowl Σ xᵢ², in {@code dimension} variables ({@code sphere}).
   *
   * @throws InvalidHyperParameterException for a dimension outside the function's range
   */
  public static Objective sphere(int dimension) {
    return scalable(new Sphere(), dimension);
  }

  /**
   * Styblinski–Tang function: separable, minimum near (−2.9035, ..., −2.9035), in {@code dimension}
   * variables ({@code styblinski-tang}).
   *
   * @throws InvalidHyperParameterException for a dimension outside the function's range
   */
  public static Objective styblinskiTang(int dimension) {
    return scalable(new StyblinskiTang(), dimension);
  }

  /**
   * Three-hump camel function: three local minima, the global one at the origin ({@code
   * three-hump-camel}).
   */
  public static Objective threeHumpCamel() {
    return fixed(new ThreeHumpCamel());
  }

  private static Objective fixed(TestFunction function) {
    return function.create(HyperParameters.resolve(function, Map.of()));
  }

  private static Objective scalable(TestFunction function, int dimension) {
    return function.create(
        HyperParameters.resolve(function, Map.of(TestFunction.DIMENSION, (long) dimension)));
  }
}
