package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/** An evaluation of generated samples, computed every {@code training.evalEvery} steps. */
public interface Metric {
    /** The snake_case names this metric writes to metrics.csv and summary.json, in order. */
    List<String> names();

    /** Throws {@link FieldError} when the metric cannot judge this dataset (checked before training). */
    default void check(DatasetAdapter dataset) {}

    /** Scores {@code samples} (N, sampleShape...) generated in evaluation mode. */
    Map<String, Double> evaluate(NDArray samples, DatasetAdapter dataset);
}
