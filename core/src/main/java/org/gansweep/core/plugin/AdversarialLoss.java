package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;

/**
 * The two objectives of an adversarial game, on raw discriminator outputs (decision values, no sigmoid).
 * Both return a scalar NDArray in the manager of their inputs. Scale by a constant with {@link GraphScalars#times},
 * never DJL's {@code mul(Number)}: backward would read the number from a freed Java buffer.
 */
public interface AdversarialLoss {
    /** What D minimises, given its scores on a real batch and on a (detached) fake batch. */
    NDArray discriminatorLoss(NDArray realScores, NDArray fakeScores);

    /** What G minimises, given D's scores on G's samples. */
    NDArray generatorLoss(NDArray fakeScores);

    /**
     * D's decision boundary: the output halfway between its targets for real and for fake samples (least squares:
     * (a + b) / 2; sigmoid cross-entropy: 0, where the sigmoid is one half). NaN when the loss has no such point.
     */
    default double decisionBoundary() {
        return Double.NaN;
    }

    /**
     * The loss in words for legends, e.g. {@code LSGAN (a=-1, b=1, c=0)}: a preset's YAML name alone
     * ({@code lsgan-pearson}) does not say which targets it trains with, and the report puts the two side by side.
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
