package org.gansweep.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.train.DecisionField;
import org.junit.jupiter.api.Test;

/**
 * Figure 1's numbers for a one-layer D, D(x) = w.x + b0, against the gradients of G's per-sample loss by hand:
 * least squares, f(s) = (s - c)^2 / 2, so grad = (D(x) - c) w; sigmoid cross-entropy (non-saturating),
 * f(s) = softplus(-s), so grad = -(1 - sigmoid(D(x))) w.
 */
class DecisionFieldTest {
    private static final double[] W = {0.8, -1.5};
    private static final double B0 = 0.3;

    private static final BiFunction<NDManager, NDArray, NDArray> LINEAR_D = (m, x) -> {
        NDArray w = m.create(new float[] {(float) W[0], (float) W[1]}, new Shape(2, 1));
        return x.matMul(w).reshape(-1).add(m.create((float) B0));
    };

    private static double d(double x, double y) {
        return W[0] * x + W[1] * y + B0;
    }

    private static final float[] SAMPLES = {0.1f, 0.2f, -1.3f, 0.7f, 2.0f, -1.9f, 0.0f, 0.0f, 3.5f, 2.5f};

    private static DecisionField field(AdversarialLoss loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            return DecisionField.of(LINEAR_D, loss, m, m.create(SAMPLES, new Shape(SAMPLES.length / 2, 2)), 4.0);
        }
    }

    private static void assertGradients(DecisionField f, java.util.function.DoubleUnaryOperator fPrime) {
        assertEquals(SAMPLES.length / 2, f.fakes().length);
        for (float[] row : f.fakes()) {
            double s = d(row[0], row[1]);
            assertEquals(s, row[2], 1e-5, "D at the sample");
            for (int k = 0; k < 2; k++) {
                double expected = fPrime.applyAsDouble(s) * W[k];
                assertEquals(expected, row[3 + k], 1e-3 * Math.max(1, Math.abs(expected)), "gradient " + k + " at " + row[0] + ", " + row[1]);
            }
        }
    }

    @Test
    void leastSquaresPullsEachSampleByItsDistanceFromTheTarget() {
        assertGradients(field(new LeastSquaresLoss(-1, 1, 0)), s -> s - 0);
        assertGradients(field(new LeastSquaresLoss(0, 1, 1)), s -> s - 1);
    }

    @Test
    void crossEntropyGivesAlmostNothingFarOnTheRealSide() {
        DecisionField f = field(new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING, org.gansweep.core.plugin.Reduction.mean));
        assertGradients(f, s -> -(1 - 1 / (1 + Math.exp(-s))));
        // The sample at (-1.3, 0.7) sits far on the fake side (D = -2.79): a strong push. The one at (2.0, -1.9) far on
        // the real side (D = 4.75): almost none, though it is far from any data. Least squares pushes it hardest.
        float[] fakeSide = f.fakes()[1];
        float[] realSide = f.fakes()[2];
        assertTrue(Math.hypot(realSide[3], realSide[4]) < 0.05 * Math.hypot(fakeSide[3], fakeSide[4]));
        float[] lsq = field(new LeastSquaresLoss(-1, 1, 0)).fakes()[2];
        assertTrue(Math.hypot(lsq[3], lsq[4]) > 5 * Math.hypot(realSide[3], realSide[4]));
    }

    @Test
    void theFieldIsDAtEachCellCentreAndTheBoundaryIsHalfwayBetweenTheTargets() {
        DecisionField f = field(new LeastSquaresLoss(0, 1, 1));
        double step = 2 * 4.0 / f.cells();
        for (int r = 0; r < f.cells(); r += 7) {
            for (int c = 0; c < f.cells(); c += 5) {
                assertEquals(d(-4 + (c + 0.5) * step, -4 + (r + 0.5) * step), f.field()[r * f.cells() + c], 1e-5);
            }
        }
        assertEquals(0.5, new LeastSquaresLoss(0, 1, 1).decisionBoundary());
        assertEquals(0.0, new LeastSquaresLoss(-1, 1, 0).decisionBoundary());
        assertEquals(0.0, new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING, org.gansweep.core.plugin.Reduction.mean).decisionBoundary());
        // The CSV holds the grid, then one row per sample.
        assertEquals(1 + f.cells() * f.cells() + SAMPLES.length / 2, f.csv().split("\n").length);
    }
}
