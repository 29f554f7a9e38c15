package org.gansweep.models.eval;

import static org.gansweep.core.metrics.MetricNames.FRECHET_DISTANCE;
import static org.gansweep.core.metrics.MetricNames.REAL_FRECHET_DISTANCE;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code frechet-distance}: the FID formula between generated and held-out real images, in the 128-d feature
 * space of the dataset's evaluation classifier (or a TorchScript extractor's features); one held-out half of
 * the real images against the other gives the reference.
 */
public final class FrechetDistanceMetric extends JudgedMetric {
    /**
     * @param epochs training epochs of the evaluation classifier
     * @param extractor a TorchScript module to take features from instead of gansweep's classifier
     */
    public record Params(Integer epochs, String extractor) {
        public Params {
            epochs = epochs == null ? 4 : epochs;
        }
    }

    public FrechetDistanceMetric(Params p) {
        super(p.epochs(), p.extractor());
    }

    @Override
    public List<String> names() {
        return List.of(FRECHET_DISTANCE, REAL_FRECHET_DISTANCE);
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(FRECHET_DISTANCE, Better.LOWER, "Frechet distance to real images", REAL_FRECHET_DISTANCE),
                MetricColumn.plain(REAL_FRECHET_DISTANCE, "Frechet distance between two real halves"));
    }

    @Override
    public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
        Judge c = judge(dataset);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(FRECHET_DISTANCE, c.frechetDistance(samples));
        out.put(REAL_FRECHET_DISTANCE, c.realFrechetDistance());
        return out;
    }

    /** Registered as {@code frechet-distance}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, "FID formula in the evaluation classifier's (or a TorchScript extractor's) features, against the test split (epochs, extractor)");
        }

        @Override
        public void check(Params p) {
            checkJudge(p.epochs(), p.extractor());
        }

        @Override
        protected Metric build(Params p) {
            return new FrechetDistanceMetric(p);
        }
    }
}
