package org.gansweep.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.gansweep.core.plugin.AdversarialLoss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loss values against numbers worked out by hand, and the paper's gradient argument. */
class LossesTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static NDArray scores(float... v) {
        return manager.create(v).reshape(v.length, 1);
    }

    @Test
    void summedLossesAreTheBatchSumsTheAuthorsUse() {
        // LS a=-1, b=1: real (1, 2): squares 0, 1; fake (0, 3): squares 1, 16.
        // mean: 0.5 * (0.5 + 8.5) = 4.5; sum: 0.5 * (1 + 17) = 9. G with c=0: 0.5 * (0 + 9) = 4.5 summed.
        AdversarialLoss mean = new LeastSquaresLoss(-1, 1, 0);
        AdversarialLoss sum = new LeastSquaresLoss(-1, 1, 0, org.gansweep.core.plugin.Reduction.sum);
        assertEquals(4.5f, mean.discriminatorLoss(scores(1f, 2f), scores(0f, 3f)).getFloat(), 1e-6);
        assertEquals(9f, sum.discriminatorLoss(scores(1f, 2f), scores(0f, 3f)).getFloat(), 1e-6);
        assertEquals(4.5f, sum.generatorLoss(scores(0f, 3f)).getFloat(), 1e-6);
        // GAN, non-saturating G: softplus(-0) = ln 2 twice, summed: 2 ln 2; D on real 0 and fake 0: 4 ln 2.
        AdversarialLoss gan = new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING, org.gansweep.core.plugin.Reduction.sum);
        assertEquals(2 * Math.log(2), gan.generatorLoss(scores(0f, 0f)).getFloat(), 1e-6);
        assertEquals(4 * Math.log(2), gan.discriminatorLoss(scores(0f, 0f), scores(0f, 0f)).getFloat(), 1e-6);
    }

    @Test
    void leastSquaresPearsonByHand() {
        AdversarialLoss ls = new LeastSquaresLoss(-1, 1, 0);
        // real (0.5, 1.5): (0.5-1)^2 = 0.25, (1.5-1)^2 = 0.25, mean 0.25
        // fake (-1, 1): (-1+1)^2 = 0, (1+1)^2 = 4, mean 2  ->  D = 0.5 * 0.25 + 0.5 * 2 = 1.125
        assertEquals(1.125f, ls.discriminatorLoss(scores(0.5f, 1.5f), scores(-1f, 1f)).getFloat(), 1e-6);
        // G: 0.5 * mean(1, 1) with c = 0 = 0.5
        assertEquals(0.5f, ls.generatorLoss(scores(-1f, 1f)).getFloat(), 1e-6);
    }

    @Test
    void leastSquaresBinaryByHand() {
        AdversarialLoss ls = new LeastSquaresLoss(0, 1, 1);
        // real (1, 3): 0 and 4 -> mean 2; fake (0, 2): 0 and 4 -> mean 2; D = 0.5*2 + 0.5*2 = 2
        assertEquals(2f, ls.discriminatorLoss(scores(1f, 3f), scores(0f, 2f)).getFloat(), 1e-6);
        // G: 0.5 * mean((0-1)^2, (2-1)^2) = 0.5
        assertEquals(0.5f, ls.generatorLoss(scores(0f, 2f)).getFloat(), 1e-6);
    }

    @Test
    void eachLossSaysItsTargetsInWordsForTheReportsLegends() {
        assertEquals("LSGAN (a=-1, b=1, c=0)",
                ((AdversarialLoss) LeastSquaresLoss.PresetFactory.pearson().create(new LeastSquaresLoss.PresetParams(null))).describe());
        assertEquals("LSGAN (a=0, b=1, c=1)", new LeastSquaresLoss(0, 1, 1).describe());
        assertEquals("LSGAN (a=-0.5, b=0.1, c=1), batch sums", new LeastSquaresLoss(-0.5, 0.1, 1, org.gansweep.core.plugin.Reduction.sum).describe());
        assertEquals("GAN (sigmoid cross-entropy)", new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING).describe());
        assertEquals("GAN (sigmoid cross-entropy, minimax G)", new CrossEntropyLoss(CrossEntropyLoss.Generator.MINIMAX).describe());
    }

    @Test
    void crossEntropyByHand() {
        AdversarialLoss nonSaturating = new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING);
        AdversarialLoss minimax = new CrossEntropyLoss(CrossEntropyLoss.Generator.MINIMAX);
        double ln2 = Math.log(2);
        // At x = 0, sigmoid = 1/2: every term is log 2. D = log 2 + log 2.
        assertEquals(2 * ln2, nonSaturating.discriminatorLoss(scores(0f), scores(0f)).getFloat(), 1e-6);
        // real 2, fake -1: softplus(-2) + softplus(-1) = log(1+e^-2) + log(1+e^-1)
        double expected = Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1));
        assertEquals(expected, nonSaturating.discriminatorLoss(scores(2f), scores(-1f)).getFloat(), 1e-6);
        // G non-saturating on fake 3: -log sigmoid(3) = log(1 + e^-3)
        assertEquals(Math.log1p(Math.exp(-3)), nonSaturating.generatorLoss(scores(3f)).getFloat(), 1e-6);
        // G minimax on fake 3: log(1 - sigmoid(3)) = -log(1 + e^3)
        assertEquals(-Math.log1p(Math.exp(3)), minimax.generatorLoss(scores(3f)).getFloat(), 1e-5);
        // Large decision values stay finite (softplus, not log(sigmoid)).
        assertTrue(Float.isFinite(nonSaturating.discriminatorLoss(scores(-200f), scores(200f)).getFloat()));
    }

    /** d(loss)/d(score) for one fake score, through PyTorch's autograd. */
    private static float generatorGradient(AdversarialLoss loss, float score) {
        return gradient(x -> loss.generatorLoss(x), score);
    }

    private static float gradient(Function<NDArray, NDArray> f, float value) {
        NDArray x = scores(value);
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(f.apply(x));
        }
        return x.getGradient().getFloat();
    }

    /**
     * The paper's Section 3.2 argument: fakes that D already scores as real, far on the correct side of
     * the boundary, give G no gradient under sigmoid cross-entropy but a proportional one under least squares.
     */
    @Test
    void leastSquaresKeepsGradientWhereCrossEntropySaturates() {
        float farOnTheRealSide = 10f;
        float ce = generatorGradient(new CrossEntropyLoss(CrossEntropyLoss.Generator.NON_SATURATING), farOnTheRealSide);
        float lsBinary = generatorGradient(new LeastSquaresLoss(0, 1, 1), farOnTheRealSide);
        float lsPearson = generatorGradient(new LeastSquaresLoss(-1, 1, 0), farOnTheRealSide);
        // d/dx softplus(-x) = -sigmoid(-x) = -4.54e-5 at x = 10: vanished.
        assertEquals(-1 / (1 + Math.exp(10)), ce, 1e-9);
        assertTrue(Math.abs(ce) < 1e-4);
        // d/dx (x - c)^2 / 2 = x - c: 9 and 10, pulling the sample back towards c.
        assertEquals(9f, lsBinary, 1e-5);
        assertEquals(10f, lsPearson, 1e-5);
    }

    @Test
    void presetsAreTheNamedSchemes() {
        NDArray fake = scores(0.25f);
        assertEquals(new LeastSquaresLoss(-1, 1, 0).generatorLoss(fake).getFloat(),
                ((AdversarialLoss) LeastSquaresLoss.PresetFactory.pearson().create(new LeastSquaresLoss.PresetParams(null))).generatorLoss(fake).getFloat());
        assertEquals(new LeastSquaresLoss(0, 1, 1).generatorLoss(fake).getFloat(),
                ((AdversarialLoss) LeastSquaresLoss.PresetFactory.binary().create(new LeastSquaresLoss.PresetParams(null))).generatorLoss(fake).getFloat());
    }
}
