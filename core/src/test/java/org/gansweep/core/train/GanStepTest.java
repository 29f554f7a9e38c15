package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One D, G and simultaneous update of the tiny pair (G: z Wgᵀ + bg, D: x Wdᵀ + bd; mean-gap loss; SGD with lr 0.1)
 * at weights set by hand, against gradients worked out by hand:
 * L_D = Wd·(mean fake - mean real), so dL_D/dWd = mean fake - mean real and dL_D/dbd = 0;
 * L_G = -(Wd·mean fake + bd), so dL_G/dWg[i][j] = -Wd[i] mean z[j] and dL_G/dbg = -Wd.
 */
class GanStepTest {
    private static final float EPS = 1e-6f;
    // z = [[1, 0, 2], [0, 1, -1]] (mean 0.5 each); real = [[1, 1], [3, -1]] (mean [2, 0]).
    // fake = z Wgᵀ + bg = [[1.2, -0.2], [0.4, -0.7]], mean [0.8, -0.45].
    private static final float[] WG = {0.1f, 0.2f, 0.3f, -0.1f, 0f, 0.2f};
    private static final float[] BG = {0.5f, -0.5f};
    private static final float[] WD = {0.4f, -0.6f};
    private static final float[] BD = {0.05f};
    // Wd - 0.1 (mean fake - mean real) = [0.4 + 0.12, -0.6 + 0.045].
    private static final float[] WD_AFTER = {0.52f, -0.555f};
    // Wg - 0.1 (-Wd[i] 0.5): row 0 + 0.02, row 1 - 0.03; bg - 0.1 (-Wd).
    private static final float[] WG_AFTER = {0.12f, 0.22f, 0.32f, -0.13f, -0.03f, 0.17f};
    private static final float[] BG_AFTER = {0.54f, -0.56f};

    /** A tiny pair with the weights above, and the batch arrays. */
    private record Fixture(GanStep gan, NDArray z, NDArray real) {
        List<Parameter> g() {
            return gan.generatorAllParameters();
        }

        List<Parameter> d() {
            return gan.discriminatorAllParameters();
        }
    }

    private static Fixture fixture(NDManager root, RealStream data) {
        GanStep gan = TinyGan.run(TinyGan.setup(TinyGan.training(1, 1, 1, 0), 1), new TinyGan.Events(), root, data).gan();
        set(root, gan.generatorAllParameters(), WG, BG);
        set(root, gan.discriminatorAllParameters(), WD, BD);
        NDArray z = root.create(new float[] {1, 0, 2, 0, 1, -1}, new Shape(2, 3));
        NDArray real = root.create(new float[] {1, 1, 3, -1}, new Shape(2, 2));
        return new Fixture(gan, z, real);
    }

    private static void set(NDManager m, List<Parameter> weightAndBias, float[] w, float[] b) {
        m.create(w, weightAndBias.get(0).getArray().getShape()).copyTo(weightAndBias.get(0).getArray());
        m.create(b, weightAndBias.get(1).getArray().getShape()).copyTo(weightAndBias.get(1).getArray());
    }

    private static void assertValues(float[] expected, Parameter p) {
        assertArrayEquals(expected, p.getArray().toFloatArray(), EPS, p.getName());
    }

    private static void assertNoGradientLeft(List<Parameter> params) {
        for (Parameter p : params) {
            assertEquals(0f, p.getArray().getGradient().abs().sum().getFloat(), p.getName());
        }
    }

    @Test
    void gGeneratesAndDScoresInEvaluationMode() {
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            Fixture f = fixture(root, data);
            assertArrayEquals(new float[] {1.2f, -0.2f, 0.4f, -0.7f}, f.gan().generate(root, f.z(), null).toFloatArray(), EPS);
            // D([1, 1]) = 0.4 - 0.6 + 0.05; D([3, -1]) = 1.2 + 0.6 + 0.05; one flat array.
            NDArray scores = f.gan().discriminate(root, f.real());
            assertEquals(new Shape(2), scores.getShape());
            assertArrayEquals(new float[] {-0.15f, 1.85f}, scores.toFloatArray(), EPS);
        }
    }

    @Test
    void aDiscriminatorUpdateMovesDAlongItsGradientAndLeavesGAlone() {
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            Fixture f = fixture(root, data);
            // L_D = 0.4 (0.8 - 2) - 0.6 (-0.45 - 0) = -0.21.
            assertEquals(-0.21f, f.gan().discriminatorUpdate(f.real(), f.z()), EPS);
            assertValues(WD_AFTER, f.d().get(0));
            assertValues(BD, f.d().get(1));
            assertValues(WG, f.g().get(0));
            assertValues(BG, f.g().get(1));
            assertNoGradientLeft(f.gan().generatorParameters());
        }
    }

    @Test
    void aGeneratorUpdateMovesGThroughAFrozenDAndLeavesNoGradientOnD() {
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            Fixture f = fixture(root, data);
            // L_G = -(0.4 * 0.8 - 0.6 * -0.45 + 0.05) = -0.64.
            assertEquals(-0.64f, f.gan().generatorUpdate(f.z()), EPS);
            assertValues(WG_AFTER, f.g().get(0));
            assertValues(BG_AFTER, f.g().get(1));
            assertValues(WD, f.d().get(0));
            assertValues(BD, f.d().get(1));
            assertNoGradientLeft(f.gan().discriminatorParameters());
        }
    }

    @Test
    void aSimultaneousUpdateTakesBothGradientsAtTheWeightsBeforeIt() {
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            Fixture f = fixture(root, data);
            // Both losses at the starting weights: G's is not taken against the updated D (that would be -0.71575).
            assertArrayEquals(new float[] {-0.21f, -0.64f}, f.gan().simultaneousUpdate(f.real(), f.z(), null), EPS);
            assertValues(WD_AFTER, f.d().get(0));
            assertValues(BD, f.d().get(1));
            assertValues(WG_AFTER, f.g().get(0));
            assertValues(BG_AFTER, f.g().get(1));
        }
    }
}
