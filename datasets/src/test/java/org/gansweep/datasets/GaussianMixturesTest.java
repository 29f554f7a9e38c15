package org.gansweep.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.RealSampler;
import org.junit.jupiter.api.Test;

class GaussianMixturesTest {
    @Test
    void ringCentresAreEvenlySpacedOnTheCircle() {
        double[][] c = GaussianRing.centers(8, 2.0);
        assertArrayEquals(new double[] {2, 0}, c[0], 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2)}, c[1], 1e-12);
        assertArrayEquals(new double[] {0, 2}, c[2], 1e-12);
        assertArrayEquals(new double[] {-2, 0}, c[4], 1e-12);
    }

    @Test
    void gridCentresAreCentredOnTheOrigin() {
        double[][] c = GaussianGrid.centers(5, 2.0);
        assertEquals(25, c.length);
        assertArrayEquals(new double[] {-4, -4}, c[0], 1e-12);
        assertArrayEquals(new double[] {0, 0}, c[12], 1e-12);
        assertArrayEquals(new double[] {4, 4}, c[24], 1e-12);
    }

    @Test
    void samplesAreSeededAndLieOnTheModes() {
        DatasetAdapter ring = new GaussianRing().create(new GaussianRing.Params(8, 2.0, 0.02));
        GaussianMixture mixture = ring.capability(GaussianMixture.class).orElseThrow();
        try (NDManager m = NDManager.newBaseManager(); RealSampler a = ring.open(7); RealSampler b = ring.open(7); RealSampler c = ring.open(8)) {
            float[] xa = a.next(m, 4000).toFloatArray();
            assertArrayEquals(xa, b.next(m, 4000).toFloatArray());
            assertFalse(java.util.Arrays.equals(xa, c.next(m, 4000).toFloatArray()));
            // Real data covers every mode and nearly all of it lies within 3 std (99.9 % for a 2-D Gaussian
            // within 3 std per axis is 98.9 % within radius 3 std).
            var scores = ModeCoverage.score(xa, mixture, 3, 0.01);
            assertEquals(8.0, scores.get("modes_covered"));
            assertEquals(0.989, scores.get("high_quality_fraction"), 0.01);
            assertEquals(0.0, scores.get("kl_divergence"), 0.01);
            // The spread around each centre is the configured std.
            double sq = 0;
            for (int i = 0; i < xa.length; i += 2) {
                double best = Double.MAX_VALUE;
                for (double[] ctr : mixture.centers()) {
                    best = Math.min(best, Math.pow(xa[i] - ctr[0], 2) + Math.pow(xa[i + 1] - ctr[1], 2));
                }
                sq += best;
            }
            assertEquals(0.02, Math.sqrt(sq / (xa.length / 2) / 2), 0.001);
        }
    }
}
