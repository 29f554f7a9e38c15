package org.gansweep.models.eval;

import ai.djl.ndarray.NDArray;

/** What scores generated images: gansweep's evaluation classifier or a user's TorchScript extractor. */
interface Judge {
    /** Feature rows for the Frechet distance. */
    double[][] features(NDArray images);

    /** Class-probability rows for the classifier score. */
    double[][] probabilities(NDArray images);

    /** The Frechet distance between these images and the held-out real images. */
    double frechetDistance(NDArray images);

    /** The classifier score of held-out real images: the reference row. */
    double realClassifierScore();

    /** The Frechet distance between two halves of the held-out real images: the reference row. */
    double realFrechetDistance();

    /** Test accuracy for gansweep's own classifier; NaN for an extractor without labels. */
    double testAccuracy();
}
