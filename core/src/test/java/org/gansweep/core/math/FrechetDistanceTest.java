package org.gansweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The Frechet distance on the singular covariances that few samples or constant features give. */
class FrechetDistanceTest {

    /** n samples of d features: feature 0 is {@code scale * (i + 1)}, feature 1 a copy of it, the rest constant. */
    private static double[][] line(int n, int d, double scale, double constant) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            x[i][0] = scale * (i + 1);
            x[i][1] = x[i][0];
            for (int j = 2; j < d; j++) {
                x[i][j] = constant;
            }
        }
        return x;
    }

    @Test
    void rankOneCovariancesOfFewerSamplesThanFeaturesHaveTheHandComputedDistance() {
        // a: feature 0 = 1..5 (variance 2.5), b: 2..10 (variance 10); feature 1 copies feature 0, ten more are
        // constant. Both covariances are (variance) * [[1, 1], [1, 1]] padded with zeros: rank 1 of 12.
        // Means differ by 3 in features 0 and 1: 18. Traces 5 and 20. sqrt(Sa) = sqrt(5) vv', Sb = 20 vv'
        // with v = (1, 1)/sqrt 2, so Tr((sqrt(Sa) Sb sqrt(Sa))^(1/2)) = sqrt(5 * 20) = 10.
        // Distance = 18 + 5 + 20 - 2 * 10 = 23.
        double[][] a = line(5, 12, 1, 0.5);
        double[][] b = line(5, 12, 2, 0.5);
        assertEquals(23, FrechetDistance.between(a, b), 1e-9);
        assertEquals(0, FrechetDistance.between(a, a), 1e-9);
    }

    @Test
    void everyFeatureConstantGivesTheSquaredMeanDifference() {
        double[][] a = line(3, 6, 0, 1);
        double[][] b = line(3, 6, 0, 3);
        // All covariances zero: only the four constant features differ, by 2 each.
        assertEquals(4 * 4, FrechetDistance.between(a, b), 1e-12);
    }

    @Test
    void nearSingularCovarianceSpanningFifteenOrdersOfMagnitude() {
        int d = 40;
        double[][] s = new double[d][d];
        // A rotation of diag(1e3 ... 1e-12): built as Q diag Q' with Q from a fixed Householder reflection.
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = Math.sin(1.7 * i + 0.3);
        }
        double norm = 0;
        for (double x : u) {
            norm += x * x;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double acc = 0;
                for (int k = 0; k < d; k++) {
                    double qik = (i == k ? 1 : 0) - 2 * u[i] * u[k] / norm;
                    double qjk = (j == k ? 1 : 0) - 2 * u[j] * u[k] / norm;
                    acc += qik * Math.pow(10, 3 - 15.0 * k / (d - 1)) * qjk;
                }
                s[i][j] = acc;
            }
        }
        double[] mu = new double[d];
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += s[i][i];
        }
        double self = FrechetDistance.between(mu, s, mu, s);
        // Rounding of size eps * |S| in an eigenvalue near 0 becomes its square root in the trace term:
        // sqrt(2e-16 * 1e3) per eigenvalue, about 1e-5 over 40 of them, against a trace of about 1.7e3.
        assertTrue(Math.abs(self) < 1e-6 * trace, "distance of a Gaussian to itself: " + self);
        // sqrt(S) squared is S again.
        DMatrixRMaj root = FrechetDistance.sqrtPsd(new DMatrixRMaj(s));
        DMatrixRMaj sq = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(root, root, sq);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(s[i][j], sq.get(i, j), 1e-9 * trace);
            }
        }
    }

    @Test
    void featuresOfADivergedGeneratorGiveNaNNotAnException() {
        double[][] a = line(5, 4, 1, 0);
        double[][] b = line(5, 4, 1, 0);
        b[2][3] = Double.NaN;
        assertTrue(Double.isNaN(FrechetDistance.between(a, b)));
        b[2][3] = Double.POSITIVE_INFINITY;
        assertTrue(Double.isNaN(FrechetDistance.between(a, b)));
    }
}
