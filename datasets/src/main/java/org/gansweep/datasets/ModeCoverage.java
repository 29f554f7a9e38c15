package org.gansweep.datasets;

import static org.gansweep.core.metrics.MetricNames.HIGH_QUALITY_FRACTION;
import static org.gansweep.core.metrics.MetricNames.KL_DIVERGENCE;
import static org.gansweep.core.metrics.MetricNames.MODES_COVERED;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code mode-coverage}: mode metrics for Gaussian mixtures, the usual measures of mode collapse on toy data:
 * <ul>
 *   <li>{@code high_quality_fraction}: the fraction of samples within {@code threshold} standard
 *       deviations of some mode;
 *   <li>{@code modes_covered}: modes that hold at least {@code minFraction} of all samples among their
 *       high-quality samples;
 *   <li>{@code kl_divergence}: KL(p || w) of the histogram p of nearest-mode assignments of all samples
 *       against the modes' weights w (uniform unless the dataset gives weights);
 *       samples, 0 when G spreads evenly over the modes, log(K) when it sits on one.
 * </ul>
 */
public final class ModeCoverage implements Metric {
    static final List<String> NAMES = List.of(MODES_COVERED, HIGH_QUALITY_FRACTION, KL_DIVERGENCE);

    public record Params(Double threshold, Double minFraction) {
        public Params {
            threshold = threshold == null ? 3.0 : threshold;
            minFraction = minFraction == null ? 0.01 : minFraction;
        }
    }

    private final Params p;

    public ModeCoverage(Params p) {
        this.p = p;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(MODES_COVERED, Better.HIGHER, "modes covered", null),
                MetricColumn.score(HIGH_QUALITY_FRACTION, Better.HIGHER, "share of samples near a mode", null),
                MetricColumn.score(KL_DIVERGENCE, Better.LOWER, "KL divergence of the mode histogram", null));
    }

    @Override
    public void check(DatasetAdapter dataset, Architecture model) {
        FieldError.require(dataset.capability(GaussianMixture.class).isPresent(), "type", "needs a Gaussian-mixture dataset (gaussian-ring, gaussian-grid)");
    }

    @Override
    public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
        return score(samples.toFloatArray(), dataset.capability(GaussianMixture.class).orElseThrow(), p.threshold(), p.minFraction());
    }

    /** The three metrics for points given as interleaved x, y pairs. */
    public static Map<String, Double> score(float[] xy, GaussianMixture mixture, double threshold, double minFraction) {
        int n = xy.length / 2;
        int k = mixture.modes();
        double limit = threshold * mixture.std();
        int[] good = new int[k];
        int[] nearest = new int[k];
        int highQuality = 0;
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dx = x - mixture.centers()[c][0];
                double dy = y - mixture.centers()[c][1];
                double dist = Math.sqrt(dx * dx + dy * dy);
                if (dist < bestD) {
                    bestD = dist;
                    best = c;
                }
            }
            if (best < 0) {
                continue; // NaN sample: neither near a mode nor assignable
            }
            nearest[best]++;
            if (bestD <= limit) {
                good[best]++;
                highQuality++;
            }
        }
        int covered = 0;
        for (int c = 0; c < k; c++) {
            if (good[c] >= minFraction * n) {
                covered++;
            }
        }
        int assigned = 0;
        for (int c : nearest) {
            assigned += c;
        }
        double kl = 0;
        for (int c = 0; c < k; c++) {
            if (nearest[c] > 0) {
                double pc = (double) nearest[c] / assigned;
                kl += pc * Math.log(pc / mixture.weights()[c]);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MODES_COVERED, (double) covered);
        out.put(HIGH_QUALITY_FRACTION, n == 0 ? 0.0 : (double) highQuality / n);
        out.put(KL_DIVERGENCE, assigned == 0 ? Double.NaN : kl);
        return out;
    }

    /** Registered as {@code mode-coverage}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, String.join(", ", NAMES) + " for Gaussian-mixture datasets (threshold in stds, minFraction)");
        }

        @Override
        public void check(Params p) {
            FieldError.positive("threshold", p.threshold());
            FieldError.require(p.minFraction() > 0 && p.minFraction() <= 1, "minFraction", "must be in (0, 1], got " + p.minFraction());
        }

        @Override
        protected Metric build(Params p) {
            return new ModeCoverage(p);
        }
    }
}
