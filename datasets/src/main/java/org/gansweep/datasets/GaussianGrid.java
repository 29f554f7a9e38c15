package org.gansweep.datasets;

import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * A {@code side x side} lattice of Gaussians, {@code spacing} apart and centred on the origin
 * (the usual 5 x 5 grid of the mode-collapse literature: spacing 2, std 0.05).
 */
public final class GaussianGrid extends GaussianMixtureData {

    public record Params(Integer side, Double spacing, Double std) {
        public Params {
            side = side == null ? 5 : side;
            spacing = spacing == null ? 2.0 : spacing;
            std = std == null ? 0.05 : std;
        }
    }

    public GaussianGrid(Params p) {
        super(new GaussianMixture(centers(p.side(), p.spacing()), p.std()));
    }

    public static double[][] centers(int side, double spacing) {
        double[][] c = new double[side * side][];
        double offset = (side - 1) / 2.0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                c[i * side + j] = new double[] {(i - offset) * spacing, (j - offset) * spacing};
            }
        }
        return c;
    }

    /** Registered as {@code gaussian-grid}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "2-D Gaussians on a square lattice (side, spacing, std)");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.side() >= 1 && p.side() <= 30, "side", "must be between 1 and 30, got " + p.side());
            FieldError.positive("spacing", p.spacing());
            FieldError.positive("std", p.std());
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new GaussianGrid(p);
        }
    }
}
