package dev.gradus.functions.regression;

/** A mean loss over rows whose gradient on any subset of its rows can be had directly. */
interface BatchLoss {
  /**
   * The gradient of the loss's mean over rows {@code rows[0 … count)} of its data (each once) at
   * {@code parameters}, written into {@code gradient}; allocates nothing.
   *
   * @return that mean loss over the same rows
   */
  double batchGradient(double[] parameters, int[] rows, int count, double[] gradient);
}
