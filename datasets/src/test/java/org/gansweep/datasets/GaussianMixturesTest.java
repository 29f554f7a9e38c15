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

    /** The authors' ring: 8 modes, mode 0 at (1, 0) drawn twice as often (their angle 0 and 2 pi). */
    @Test
    void weightedModesAreDrawnInProportionAndTheKlIsAgainstTheWeights() {
        DatasetAdapter ring = new GaussianRing(new GaussianRing.Params(8, 1.0, 0.01, java.util.List.of(2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)));
        GaussianMixture mixture = ring.capability(GaussianMixture.class).orElseThrow();
        assertEquals(2.0 / 9, mixture.weights()[0], 1e-12);
        assertEquals(1.0 / 9, mixture.weights()[7], 1e-12);
        assertEquals(1.0, mixture.centers()[0][0], 1e-12);
        int n = 90_000;
        int[] counts = new int[8];
        try (NDManager m = NDManager.newBaseManager(); RealSampler s = ring.open(5)) {
            float[] xy = s.next(m, n).toFloatArray();
            for (int i = 0; i < n; i++) {
                double angle = Math.atan2(xy[2 * i + 1], xy[2 * i]);
                counts[(int) Math.floorMod(Math.round(angle / (2 * Math.PI / 8)), 8)]++;
            }
            // Expected 20,000 and 10,000; binomial standard deviations about 125 and 95.
            assertEquals(20_000, counts[0], 600);
            for (int k = 1; k < 8; k++) {
                assertEquals(10_000, counts[k], 500, "mode " + k);
            }
            // Samples spread exactly as the weights: KL 0; all at mode 0: KL = ln(1 / (2/9)) = ln 4.5.
            var even = ModeCoverage.score(xy, mixture, 3, 0.01);
            assertEquals(0, even.get("kl_divergence"), 0.002);
            float[] one = new float[2 * 100];
            for (int i = 0; i < 100; i++) {
                one[2 * i] = 1f;
            }
            assertEquals(Math.log(4.5), ModeCoverage.score(one, mixture, 3, 0.01).get("kl_divergence"), 1e-12);
        }
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
        DatasetAdapter ring = new GaussianRing(new GaussianRing.Params(8, 2.0, 0.02, null));
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
