/**
 * Distance measures: {@link dev.gradus.functions.distance.Distances} on {@code double[]} and the
 * differentiable ones as graph operations in {@link dev.gradus.functions.distance.DistanceOps}.
 */
package dev.gradus.functions.distance;
