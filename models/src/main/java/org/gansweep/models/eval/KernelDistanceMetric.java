package org.gansweep.models.eval;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.math.KernelDistance;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code kernel-distance}: KID ({@link KernelDistance}), generated against held-out real images in the evaluation
 * classifier's (or a TorchScript extractor's) features, as the mean and spread over random subsets; two sets of
 * real images against each other give the reference. Unbiased at any sample size, unlike the Frechet distance.
 */
public final class KernelDistanceMetric extends JudgedMetric {
    public static final String KID = "kid";
    public static final String KID_STD = "kid_std";
    public static final String REAL_KID = "real_kid";
    /** The subsets' generator: fixed, so a trial's numbers repeat. */
    private static final long SUBSET_SEED = 20180101;

    /**
     * @param subsets random subsets the estimate is averaged over (default 10)
     * @param subsetSize rows per subset; 0 (default): half the generated samples, at most 1,000
     */
    public record Params(Integer epochs, String extractor, Integer subsets, Integer subsetSize) {
        public Params {
            epochs = epochs == null ? 4 : epochs;
            subsets = subsets == null ? 10 : subsets;
            subsetSize = subsetSize == null ? 0 : subsetSize;
        }
    }

    private final Params p;

    public KernelDistanceMetric(Params p) {
        super(p.epochs(), p.extractor());
        this.p = p;
    }

    /** The unbiased estimate needs two samples per subset. */
    @Override
    public int minimumSamples() {
        return 2;
    }

    @Override
    public List<String> names() {
        return List.of(KID, KID_STD, REAL_KID);
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(KID, Better.LOWER, "kernel distance (KID) to real images", REAL_KID),
                MetricColumn.plain(KID_STD, "KID's spread over subsets"),
                MetricColumn.plain(REAL_KID, "KID between two sets of real images"));
    }

    @Override
    public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
        Judge judge = judge(dataset);
        double[][] fake = judge.features(samples);
        FeatureSets sets = FeatureSets.forSize(judge.realFeatures(), fake.length);
        KernelDistance.Score s = KernelDistance.of(fake, sets.real(), p.subsets(), size(Math.min(fake.length, sets.real().length)), SUBSET_SEED);
        KernelDistance.Score ref = KernelDistance.of(sets.referenceA(), sets.referenceB(), p.subsets(),
                size(sets.referenceA().length), SUBSET_SEED);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(KID, s.mean());
        out.put(KID_STD, s.std());
        out.put(REAL_KID, ref.mean());
        return out;
    }

    private int size(int rows) {
        int auto = Math.min(1000, rows / 2);
        return Math.max(2, Math.min(rows, p.subsetSize() > 0 ? p.subsetSize() : auto));
    }

    /** Registered as {@code kernel-distance}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, "KID: unbiased squared MMD, cubic polynomial kernel, in the evaluation classifier's features, mean and"
                    + " spread over subsets (epochs, extractor, subsets, subsetSize)");
        }

        @Override
        public void check(Params p) {
            checkJudge(p.epochs(), p.extractor());
            FieldError.require(p.subsets() >= 1 && p.subsets() <= 1000, "subsets", "must be between 1 and 1000, got " + p.subsets());
            FieldError.require(p.subsetSize() == 0 || p.subsetSize() >= 2, "subsetSize", "must be 0 (half the samples) or at least 2, got "
                    + p.subsetSize());
        }

        @Override
        protected Metric build(Params p) {
            return new KernelDistanceMetric(p);
        }
    }
}
