package org.gansweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageMetricMathTest {
    private static double[][] gaussian(int n, double[] mean, double[] std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][mean.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < mean.length; j++) {
                x[i][j] = mean[j] + std[j] * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        double[][] x = gaussian(500, new double[] {1, -2, 0.5}, new double[] {1, 2, 0.3}, 1);
        assertEquals(0, FrechetDistance.between(x, x), 1e-9);
    }

    /** For Gaussians whose covariances commute (here diagonal), the distance is |dmu|^2 + sum (sqrt s1 - sqrt s2)^2. */
    @Test
    void twoGaussiansMatchTheClosedForm() {
        double[] mu1 = {0, 1, 2};
        double[] mu2 = {1, 1, 0};
        double[][] s1 = {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}};
        double[][] s2 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 4}};
        // |dmu|^2 = 1 + 0 + 4 = 5; (2-1)^2 + (1-1)^2 + (3-2)^2 = 2
        assertEquals(7, FrechetDistance.between(mu1, s1, mu2, s2), 1e-9);
        // A non-diagonal case: rotate both covariances by the same rotation; the distance of the
        // covariance part is unchanged (and the means here are equal).
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] r = {{c, -s}, {s, c}};
        double[][] a = rotate(r, new double[][] {{4, 0}, {0, 1}});
        double[][] b = rotate(r, new double[][] {{1, 0}, {0, 9}});
        assertEquals((2 - 1) * (2 - 1) + (1 - 3) * (1 - 3), FrechetDistance.between(new double[2], a, new double[2], b), 1e-9);
        // From samples: close to the closed form for large n.
        double[][] x = gaussian(20000, new double[] {0, 0}, new double[] {2, 1}, 2);
        double[][] y = gaussian(20000, new double[] {1, 0}, new double[] {1, 1}, 3);
        assertEquals(1 + 1, FrechetDistance.between(x, y), 0.1);
    }

    private static double[][] rotate(double[][] r, double[][] d) {
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    out[i][j] += r[i][k] * d[k][k] * r[j][k];
                }
            }
        }
        return out;
    }

    @Test
    void uniformPredictionsScoreOne() {
        double[][] p = new double[100][10];
        for (double[] row : p) {
            java.util.Arrays.fill(row, 0.1);
        }
        ClassifierScore.Score s = ClassifierScore.of(p, 10);
        assertEquals(1.0, s.mean(), 1e-12);
        assertEquals(0.0, s.std(), 1e-12);
    }

    @Test
    void confidentBalancedPredictionsScoreTheNumberOfClasses() {
        double[][] p = new double[200][10];
        for (int i = 0; i < p.length; i++) {
            p[i][i % 10] = 1;
        }
        assertEquals(10.0, ClassifierScore.of(p, 10).mean(), 1e-9);
        // Confident but all one class: no diversity, score 1.
        double[][] q = new double[200][10];
        for (double[] row : q) {
            row[3] = 1;
        }
        assertEquals(1.0, ClassifierScore.of(q, 5).mean(), 1e-12);
        // Half the classes, evenly: 5.
        double[][] h = new double[200][10];
        for (int i = 0; i < h.length; i++) {
            h[i][i % 5] = 1;
        }
        assertEquals(5.0, ClassifierScore.of(h, 4).mean(), 1e-9);
        assertTrue(ClassifierScore.of(h, 4).std() < 1e-9);
    }
}
