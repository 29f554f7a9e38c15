package org.gansweep.datasets;

import java.util.List;
import java.util.Set;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * {@code modes} Gaussians of standard deviation {@code std} evenly spaced on a circle of {@code radius}: mode k
 * is at angle 2 pi k / modes, counted counter-clockwise from the positive x axis (mode 0 at (radius, 0)).
 * {@code weights} gives each mode's relative probability (default equal). The LSGAN authors' sampler picks one
 * of 9 angles linspace(0, 2 pi, 9), whose first and last are the same point: 8 modes with weights
 * [2, 1, 1, 1, 1, 1, 1, 1] (their angles run clockwise from the y axis; the set of modes is the same).
 */
public final class GaussianRing extends GaussianMixtureData {

    public record Params(Integer modes, Double radius, Double std, List<Double> weights) {
        public Params {
            modes = modes == null ? 8 : modes;
            radius = radius == null ? 2.0 : radius;
            std = std == null ? 0.02 : std;
        }
    }

    public GaussianRing(Params p) {
        super(new GaussianMixture(centers(p.modes(), p.radius()), p.std(), probabilities(p.weights())));
    }

    /** The weights as probabilities (null: equal). */
    static double[] probabilities(List<Double> weights) {
        if (weights == null) {
            return null;
        }
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        return weights.stream().mapToDouble(w -> w / sum).toArray();
    }

    public static double[][] centers(int modes, double radius) {
        double[][] c = new double[modes][];
        for (int i = 0; i < modes; i++) {
            double angle = 2 * Math.PI * i / modes;
            c[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        return c;
    }

    /** Registered as {@code gaussian-ring}. */
    public static final class Factory extends Plugin<Params, DatasetAdapter> {
        public Factory() {
            super(Params.class, "2-D Gaussians on a circle (modes, radius, std, weights: relative mode weights, default equal; mode k at angle 2 pi k / modes from +x)");
        }

        /** {@code weights} came after the first ring sweeps: while unset (equal modes) it stays out of config.yaml and trial ids. */
        @Override
        public Set<String> paramsAddedLater() {
            return Set.of("weights");
        }

        @Override
        public void check(Params p) {
            FieldError.require(p.modes() >= 1 && p.modes() <= 1000, "modes", "must be between 1 and 1000, got " + p.modes());
            FieldError.positive("radius", p.radius());
            FieldError.positive("std", p.std());
            if (p.weights() != null) {
                FieldError.require(p.weights().size() == p.modes(), "weights", "needs one weight per mode (" + p.modes() + "), got " + p.weights().size());
                for (int i = 0; i < p.weights().size(); i++) {
                    Double w = p.weights().get(i);
                    FieldError.require(w != null && Double.isFinite(w) && w > 0, "weights." + i, "must be a positive number, got " + w);
                }
                double sum = p.weights().stream().mapToDouble(Double::doubleValue).sum();
                FieldError.require(Double.isFinite(sum), "weights", "add up to more than a double holds (" + sum
                        + "): give relative weights of a sensible size, e.g. [2, 1, 1, 1]");
                for (int i = 0; i < p.weights().size(); i++) {
                    FieldError.require(p.weights().get(i) / sum >= 1e-12, "weights." + i, "is " + p.weights().get(i)
                            + " of a total of " + sum + ": a mode that rare is never sampled and its divergence terms are"
                            + " infinite; keep every weight within 12 orders of magnitude of the total");
                }
            }
        }

        @Override
        protected DatasetAdapter build(Params p) {
            return new GaussianRing(p);
        }
    }
}
