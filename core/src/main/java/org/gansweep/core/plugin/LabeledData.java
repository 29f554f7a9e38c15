package org.gansweep.core.plugin;

import ai.djl.ndarray.types.Shape;

/** Labelled samples of a dataset split, for training and judging an evaluation classifier. */
public interface LabeledData {
    int size();

    int classes();

    /** Shape of one sample, as {@link DatasetAdapter#sampleShape()}. */
    Shape sampleShape();

    /** Copies samples {@code from..to-1} (values in [-1, 1]) into {@code pixels} and their labels into {@code labels}. */
    void copy(int from, int to, float[] pixels, int[] labels);

    /** A name for caches: the files and split this data comes from. */
    String identity();
}
