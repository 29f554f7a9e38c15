package org.gansweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Precision, recall, density and coverage against values computed by hand and the cases whose answer is known. */
class NearestNeighbourBallsTest {
    private static final double[][] REAL = {{0}, {1}, {2}, {3}, {10}};
    private static final double[][] FAKE = {{0.5}, {20}, {5}};

    @Test
    void byHandOnTheLine() {
        // k = 1. Real balls (radius = distance to the nearest other real): 0, 1, 2, 3 -> 1; 10 -> 7.
        // Fakes: 0.5 is in the balls of 0 and 1; 20 in none; 5 in the ball of 10 (5 <= 7). Precision 2/3.
        // Fake balls: 0.5 -> 4.5 (to 5), 20 -> 15, 5 -> 4.5. Reals 0..3 lie within 4.5 of 0.5; 10 within 15 of 20. Recall 1.
        NearestNeighbourBalls.PrecisionRecall pr = NearestNeighbourBalls.precisionRecall(REAL, FAKE, 1);
        assertEquals(2.0 / 3, pr.precision(), 1e-12);
        assertEquals(1.0, pr.recall(), 1e-12);
        // Density: ball memberships 2 (0.5) + 0 (20) + 1 (5) = 3, over k M = 3 -> 1. Coverage: balls of 0, 1, 10 hold a fake: 3/5.
        NearestNeighbourBalls.DensityCoverage dc = NearestNeighbourBalls.densityCoverage(REAL, FAKE, 1);
        assertEquals(1.0, dc.density(), 1e-12);
        assertEquals(0.6, dc.coverage(), 1e-12);
        // A point on a boundary is inside: with k = 2 the ball of 0 reaches 2 exactly.
        assertEquals(4.0, NearestNeighbourBalls.radii(REAL, 2)[0], 0);
    }

    @Test
    void identicalSetsScoreOneAndDensityCountsEachPointAndItsKNeighbours() {
        double[][] x = KernelDistanceTest.random(200, 8, 5, 0);
        assertEquals(new NearestNeighbourBalls.PrecisionRecall(1, 1), NearestNeighbourBalls.precisionRecall(x, x, 3));
        NearestNeighbourBalls.DensityCoverage dc = NearestNeighbourBalls.densityCoverage(x, x, 5);
        assertEquals(1.0, dc.coverage(), 0);
        // Each ball holds its centre and its 5 nearest neighbours (no ties in general position): 200 * 6 / (5 * 200).
        assertEquals(6.0 / 5, dc.density(), 1e-12);
    }

    @Test
    void disjointSetsScoreZero() {
        double[][] x = KernelDistanceTest.random(100, 4, 6, 0);
        double[][] far = KernelDistanceTest.random(100, 4, 7, 100);
        assertEquals(new NearestNeighbourBalls.PrecisionRecall(0, 0), NearestNeighbourBalls.precisionRecall(x, far, 3));
        assertEquals(new NearestNeighbourBalls.DensityCoverage(0, 0), NearestNeighbourBalls.densityCoverage(x, far, 5));
    }

    @Test
    void samplesThatAreASubsetOfTheRealOnesHaveFullPrecisionButNotFullRecall() {
        double[][] real = KernelDistanceTest.random(300, 4, 8, 0);
        // The fakes: the real points of one region only (first coordinate below -0.5), a mode-collapsed G.
        double[][] fake = Arrays.stream(real).filter(r -> r[0] < -0.5).toArray(double[][]::new);
        NearestNeighbourBalls.PrecisionRecall pr = NearestNeighbourBalls.precisionRecall(real, fake, 3);
        assertEquals(1.0, pr.precision(), 0);
        assertTrue(pr.recall() < 0.7, "recall " + pr.recall());
        NearestNeighbourBalls.DensityCoverage dc = NearestNeighbourBalls.densityCoverage(real, fake, 5);
        assertTrue(dc.coverage() < 0.7, "coverage " + dc.coverage());
    }

    @Test
    void kMustLeaveANeighbour() {
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbourBalls.precisionRecall(REAL, FAKE, 5));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbourBalls.densityCoverage(REAL, FAKE, 0));
    }
}
