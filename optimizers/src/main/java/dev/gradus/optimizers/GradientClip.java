package dev.gradus.optimizers;

/**
 * Clips a gradient in place before the optimizer sees it. Implementations allocate nothing and are
 * stateless.
 */
@FunctionalInterface
public interface GradientClip {
  /** Clips {@code gradient} in place. */
  void clip(double[] gradient);

  /** This clip, then {@code next}: as torch users chain clip_grad_value_ and clip_grad_norm_. */
  default GradientClip andThen(GradientClip next) {
    java.util.Objects.requireNonNull(next, "next");
    return gradient -> {
      clip(gradient);
      next.clip(gradient);
    };
  }

  /** Leaves the gradient as it is. */
  static GradientClip none() {
    return gradient -> {};
  }

  /** torch clip_grad_value_: each component clamped to [−c, c]; c &gt; 0. */
  static GradientClip byValue(double clipValue) {
    Schedules.positive("clip_value", clipValue);
    return gradient -> {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] = Math.max(-clipValue, Math.min(clipValue, gradient[i]));
      }
    };
  }

  /**
   * torch clip_grad_norm_ (L2): with n = ‖g‖₂, g ← g·max_norm / (n + 1e-6) when that factor is
   * below 1, that is when n &gt; max_norm − 1e-6; max_norm &gt; 0.
   */
  static GradientClip byNorm(double maxNorm) {
    Schedules.positive("max_norm", maxNorm);
    return gradient -> {
      double sumOfSquares = 0;
      for (double g : gradient) {
        sumOfSquares += g * g;
      }
      double coefficient = maxNorm / (Math.sqrt(sumOfSquares) + 1e-6);
      if (coefficient < 1) {
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] *= coefficient;
        }
      }
    };
  }
}
