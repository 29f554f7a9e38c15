package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.gansweep.core.metrics.MetricColumn;

/** An evaluation of generated samples, computed every {@code training.evalEvery} steps. */
public interface Metric {
    /** The snake_case names this metric writes to metrics.csv and summary.json, in order. */
    List<String> names();

    /**
     * What its columns are: better direction, name in words, real-data reference. The report takes these from the
     * trials' metrics, so a new metric needs no entry anywhere else. A column left out (by default, all) is shown
     * by its name with no direction: a table is never marked with a guessed one.
     */
    default List<MetricColumn> columns() {
        return List.of();
    }

    /**
     * Throws {@link FieldError} when the metric cannot judge this dataset, or samples from this model
     * (checked before training).
     */
    default void check(DatasetAdapter dataset, Architecture model) {}

    /** The fewest generated samples per evaluation ({@code training.evalSamples}) it can score. */
    default int minimumSamples() {
        return 1;
    }

    /**
     * Builds what the metric needs (an evaluation classifier, trained if not cached) before the trial seeds
     * its random streams: work that draws random numbers must not happen mid-training, or a trial's numbers
     * would depend on whether a cache was warm.
     */
    default void prepare(DatasetAdapter dataset) {}

    /**
     * Scores {@code samples} (N, sampleShape...) generated in evaluation mode; {@code labels} are the classes
     * a conditional G was asked for, one per sample, or null when G is unconditional.
     */
    Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset);
}
