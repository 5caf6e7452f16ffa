package dev.gradus.functions;

import java.util.Set;

/**
 * Implemented by an {@link dev.gradus.spi.ObjectiveProvider} to say which {@link GradientMethod}s
 * its objectives support. A provider without it supports {@link GradientMethod#AUTODIFF} and {@link
 * GradientMethod#NUMERICAL}; see {@link Objectives#gradientMethods}.
 */
public interface GradientOptions {
  /** The supported methods; always includes autodiff and numerical. Never null. */
  Set<GradientMethod> gradientMethods();
}
