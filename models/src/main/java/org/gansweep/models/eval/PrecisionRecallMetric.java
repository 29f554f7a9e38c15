package org.gansweep.models.eval;

import java.util.List;
import org.gansweep.core.math.NearestNeighbourBalls;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code precision-recall}: improved precision and recall ({@link NearestNeighbourBalls}, Kynkaanniemi et al.
 * 2019) in the evaluation classifier's features: precision, the share of generated images that fall in the real
 * images' support (fidelity); recall, the share of real images in the generated images' support (diversity).
 * Two sets of real images give the reference.
 */
public final class PrecisionRecallMetric extends RealSetMetric {
    public static final String PRECISION = "precision";
    public static final String RECALL = "recall";
    public static final String REAL_PRECISION = "real_precision";
    public static final String REAL_RECALL = "real_recall";

    /** @param k the neighbour whose distance is a ball's radius (the paper's 3) */
    public record Params(Integer epochs, String extractor, Integer k) {
        public Params {
            epochs = epochs == null ? 4 : epochs;
            k = k == null ? 3 : k;
        }
    }

    private final int k;

    public PrecisionRecallMetric(Params p) {
        super(p.epochs(), p.extractor());
        this.k = p.k();
    }

    /** A ball's radius is the distance to the k-th other sample. */
    @Override
    public int minimumSamples() {
        return k + 1;
    }

    @Override
    public List<String> names() {
        return List.of(PRECISION, RECALL, REAL_PRECISION, REAL_RECALL);
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(PRECISION, Better.HIGHER, "precision (share of samples in the real images' support)", REAL_PRECISION),
                MetricColumn.score(RECALL, Better.HIGHER, "recall (share of real images in the samples' support)", REAL_RECALL),
                MetricColumn.plain(REAL_PRECISION, "precision of real images against real images"),
                MetricColumn.plain(REAL_RECALL, "recall of real images against real images"));
    }

    @Override
    double[] score(double[][] real, double[][] fake) {
        var s = NearestNeighbourBalls.precisionRecall(real, fake, k);
        return new double[] {s.precision(), s.recall()};
    }

    /** Registered as {@code precision-recall}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, "improved precision and recall (k-nearest-neighbour balls, k = 3) in the evaluation classifier's"
                    + " features (epochs, extractor, k)");
        }

        @Override
        public void check(Params p) {
            checkJudge(p.epochs(), p.extractor());
            FieldError.require(p.k() >= 1 && p.k() <= 50, "k", "must be between 1 and 50, got " + p.k());
        }

        @Override
        protected Metric build(Params p) {
            return new PrecisionRecallMetric(p);
        }
    }
}
