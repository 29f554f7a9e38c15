package org.gansweep.datasets;

import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code modes} Gaussians of standard deviation {@code std} evenly spaced on a circle of {@code radius}
 * (the first at angle 0): the mixture of the LSGAN paper's stability experiment, 8 modes, radius 2, std 0.02.
 */
public final class GaussianRing extends Plugin<GaussianRing.Params, DatasetAdapter> {

    public record Params(Integer modes, Double radius, Double std) {
        public Params {
            modes = modes == null ? 8 : modes;
            radius = radius == null ? 2.0 : radius;
            std = std == null ? 0.02 : std;
        }
    }

    public GaussianRing() {
        super(Params.class, "2-D Gaussians on a circle (modes, radius, std)");
    }

    @Override
    public void check(Params p) {
        FieldError.require(p.modes() >= 1 && p.modes() <= 1000, "modes", "must be between 1 and 1000, got " + p.modes());
        FieldError.positive("radius", p.radius());
        FieldError.positive("std", p.std());
    }

    public static double[][] centers(int modes, double radius) {
        double[][] c = new double[modes][];
        for (int i = 0; i < modes; i++) {
            double angle = 2 * Math.PI * i / modes;
            c[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        return c;
    }

    @Override
    protected DatasetAdapter build(Params p) {
        return new GaussianMixtureData(new GaussianMixture(centers(p.modes(), p.radius()), p.std()));
    }
}
