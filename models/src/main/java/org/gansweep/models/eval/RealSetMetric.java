package org.gansweep.models.eval;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.plugin.DatasetAdapter;

/**
 * What the metrics that score generated features against real features as sets share ({@link PrecisionRecallMetric},
 * {@link DensityCoverageMetric}): two numbers for the samples against as many real images, and the same two numbers
 * for two sets of real images as the reference ({@link FeatureSets}).
 */
abstract class RealSetMetric extends JudgedMetric {
    RealSetMetric(int epochs, String extractor) {
        super(epochs, extractor);
    }

    /** The metric's two numbers for {@code fake} against {@code real}. */
    abstract double[] score(double[][] real, double[][] fake);

    /** The two scores' names, then their real-data references' names. */
    @Override
    public abstract List<String> names();

    @Override
    public final Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
        Judge judge = judge(dataset);
        double[][] fake = judge.features(samples);
        FeatureSets sets = FeatureSets.forSize(judge.realFeatures(), fake.length);
        double[] s = score(sets.real(), fake);
        double[] ref = score(sets.referenceA(), sets.referenceB());
        List<String> names = names();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(names.get(0), s[0]);
        out.put(names.get(1), s[1]);
        out.put(names.get(2), ref[0]);
        out.put(names.get(3), ref[1]);
        return out;
    }
}
