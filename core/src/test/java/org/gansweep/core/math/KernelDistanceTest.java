package org.gansweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** KID against values computed by hand, and its known properties. */
class KernelDistanceTest {
    @Test
    void theCubicKernelAndTheUnbiasedEstimateByHand() {
        // d = 1: k(a, b) = (ab + 1)^3. x = {0, 1}, y = {2, 3}:
        // xx (i != j) = k(0,1) + k(1,0) = 2, over m(m-1) = 2 -> 1; yy = 2 k(2,3) = 2 * 343, over 2 -> 343;
        // xy = k(0,2) + k(0,3) + k(1,2) + k(1,3) = 1 + 1 + 27 + 64 = 93, times 2/m^2 = 1/2 -> 46.5.
        assertEquals(27.0, KernelDistance.kernel(new double[] {1}, new double[] {2}), 0);
        assertEquals(1 + 343 - 46.5, KernelDistance.mmd2(new double[][] {{0}, {1}}, new double[][] {{2}, {3}}), 1e-12);
        // d = 2, identical sets {e1, e2}: k(e1, e2) = 1, k(e1, e1) = (1/2 + 1)^3 = 3.375.
        // xx = yy = 2/2 = 1; xy = 2 * 3.375 + 2 * 1 = 8.75, times 2/4 -> 4.375. Unbiased, so below 0 here.
        double[][] e = {{1, 0}, {0, 1}};
        assertEquals(2 - 4.375, KernelDistance.mmd2(e, e), 1e-12);
    }

    @Test
    void subsetsOfEveryRowAllGiveTheWholeEstimateAndNoSpread() {
        double[][] x = random(40, 8, 1, 0);
        double[][] y = random(40, 8, 2, 0.5);
        KernelDistance.Score s = KernelDistance.of(x, y, 5, 40, 7);
        assertEquals(KernelDistance.mmd2(x, y), s.mean(), 1e-9);
        assertEquals(0, s.std(), 1e-9);
    }

    @Test
    void itIsNearZeroForOneDistributionAndGrowsWithTheShift() {
        double[][] real = random(400, 16, 1, 0);
        double same = KernelDistance.of(real, random(400, 16, 2, 0), 10, 200, 3).mean();
        double near = KernelDistance.of(real, random(400, 16, 3, 0.3), 10, 200, 3).mean();
        double far = KernelDistance.of(real, random(400, 16, 4, 1.0), 10, 200, 3).mean();
        assertTrue(Math.abs(same) < 0.05, "same distribution: " + same);
        assertTrue(near > same && far > near, same + " < " + near + " < " + far);
        // The same seed gives the same subsets: a trial's numbers repeat.
        assertEquals(KernelDistance.of(real, real, 4, 100, 9), KernelDistance.of(real, real, 4, 100, 9));
    }

    @Test
    void sizesItCannotUseAreRefused() {
        double[][] x = random(10, 2, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> KernelDistance.of(x, x, 1, 11, 0));
        assertThrows(IllegalArgumentException.class, () -> KernelDistance.of(x, x, 0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> KernelDistance.mmd2(new double[][] {{1}}, new double[][] {{1}}));
    }

    /** n rows of d standard normal features, each shifted by {@code shift}. */
    static double[][] random(int n, int d, long seed, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                // Box-Muller
                row[j] = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()) + shift;
            }
        }
        return out;
    }
}
