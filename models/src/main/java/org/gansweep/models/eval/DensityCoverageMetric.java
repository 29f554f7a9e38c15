package org.gansweep.models.eval;

import java.util.List;
import org.gansweep.core.math.NearestNeighbourBalls;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code density-coverage}: density and coverage ({@link NearestNeighbourBalls}, Naeem et al. 2020) in the
 * evaluation classifier's features, with balls around real images only, so outliers among the samples do not
 * inflate them. Density is about 1 when samples follow the real distribution (it can exceed 1); coverage is the
 * share of real images with a sample in their ball. Two sets of real images give the reference.
 */
public final class DensityCoverageMetric extends RealSetMetric {
    public static final String DENSITY = "density";
    public static final String COVERAGE = "coverage";
    public static final String REAL_DENSITY = "real_density";
    public static final String REAL_COVERAGE = "real_coverage";

    /** @param k the neighbour whose distance is a ball's radius (the paper's 5) */
    public record Params(Integer epochs, String extractor, Integer k) {
        public Params {
            epochs = epochs == null ? 4 : epochs;
            k = k == null ? 5 : k;
        }
    }

    private final int k;

    public DensityCoverageMetric(Params p) {
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
        return List.of(DENSITY, COVERAGE, REAL_DENSITY, REAL_COVERAGE);
    }

    @Override
    public List<MetricColumn> columns() {
        return List.of(MetricColumn.score(DENSITY, Better.HIGHER, "density (samples per real image's ball, about 1 when alike)", REAL_DENSITY),
                MetricColumn.score(COVERAGE, Better.HIGHER, "coverage (share of real images with a sample near)", REAL_COVERAGE),
                MetricColumn.plain(REAL_DENSITY, "density of real images against real images"),
                MetricColumn.plain(REAL_COVERAGE, "coverage of real images by real images"));
    }

    @Override
    double[] score(double[][] real, double[][] fake) {
        var s = NearestNeighbourBalls.densityCoverage(real, fake, k);
        return new double[] {s.density(), s.coverage()};
    }

    /** Registered as {@code density-coverage}. */
    public static final class Factory extends Plugin<Params, Metric> {
        public Factory() {
            super(Params.class, "density and coverage (k-nearest-neighbour balls around real images, k = 5) in the evaluation"
                    + " classifier's features (epochs, extractor, k)");
        }

        @Override
        public void check(Params p) {
            checkJudge(p.epochs(), p.extractor());
            FieldError.require(p.k() >= 1 && p.k() <= 50, "k", "must be between 1 and 50, got " + p.k());
        }

        @Override
        protected Metric build(Params p) {
            return new DensityCoverageMetric(p);
        }
    }
}
