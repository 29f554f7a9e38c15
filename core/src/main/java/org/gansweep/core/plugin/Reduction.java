package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;

/**
 * How a loss turns per-sample terms into one number: their mean (the paper's expectations, the default) or
 * their sum over the batch (the LSGAN authors' code: {@code tf.nn.l2_loss}, {@code reduce_sum}). With Adam the
 * two train alike (Adam divides out a constant scale, but for its epsilon); with SGD or RMSProp they differ.
 */
public enum Reduction {
    mean,
    sum;

    public NDArray apply(NDArray terms) {
        return this == sum ? terms.sum() : terms.mean();
    }
}
