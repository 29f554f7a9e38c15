package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;

/**
 * The two objectives of an adversarial game, on raw discriminator outputs (decision values, no sigmoid).
 * Both return a scalar NDArray in the manager of their inputs.
 */
public interface AdversarialLoss {
    /** What D minimises, given its scores on a real batch and on a (detached) fake batch. */
    NDArray discriminatorLoss(NDArray realScores, NDArray fakeScores);

    /** What G minimises, given D's scores on G's samples. */
    NDArray generatorLoss(NDArray fakeScores);
}
