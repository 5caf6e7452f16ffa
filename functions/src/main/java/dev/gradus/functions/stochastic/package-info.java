/**
 * Stochastic objectives: gradients that are samples, drawn from the run's own {@link
 * dev.gradus.spi.RandomStream} ({@link dev.gradus.spi.Stochastic}). {@link GradientNoise} gives any
 * function a noisy-gradient variant; {@link NoisyQuadratic} is the noisy quadratic model, whose
 * expected loss under SGD has a closed form.
 */
package dev.gradus.functions.stochastic;
