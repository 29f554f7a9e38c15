package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.gansweep.core.config.ModelOptions;

/**
 * What one step feeds G and D: {@code size} real samples of shape {@code sample}, noise of {@code noiseDim} from
 * {@code noiseKind}, and for a class-conditional pair one-hot labels of {@code classes} classes (0 otherwise).
 */
record Batches(int size, Shape sample, int noiseDim, ModelOptions.Noise noiseKind, boolean conditional, int classes) {
    /** The batches of a trial; a conditional model needs a dataset with class labels. */
    static Batches of(AdversarialTraining.Setup s, ModelOptions.Noise noiseKind) {
        boolean conditional = s.architecture().conditional();
        int classes = conditional ? s.dataset().classNames().size() : 0;
        if (conditional && classes < 1) {
            throw new IllegalStateException("a conditional model needs a dataset with class labels");
        }
        return new Batches(s.training().batchSize(), s.dataset().sampleShape(), s.architecture().noiseDim(), noiseKind,
                conditional, classes);
    }

    Shape noiseShape() {
        return new Shape(size, noiseDim);
    }

    Shape labelShape() {
        return new Shape(size, classes);
    }

    Shape realShape() {
        return new Shape(size).addAll(sample);
    }

    /** A fresh noise batch for G, in {@code m}. */
    NDArray noise(NDManager m) {
        return AdversarialTraining.noise(m, noiseKind, noiseShape());
    }
}
