package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.plugin.RealSampler;
import org.gansweep.core.store.Summary;
import org.gansweep.core.sweep.TrialParts;
import org.gansweep.core.sweep.TrialRunner;
import org.gansweep.core.train.AdversarialTraining;
import org.gansweep.core.train.GanStep;
import org.gansweep.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir
    Path tmp;

    private static PluginCatalog catalog() {
        return Main.injector().getInstance(PluginCatalog.class);
    }

    private static Trial trial(int index, String... sets) throws Exception {
        return Tiny.loader().parse(Tiny.RING, "tiny.yaml", List.of(sets)).trials().get(index);
    }

    private static List<float[]> weights(List<Parameter> params) {
        List<float[]> out = new ArrayList<>();
        params.forEach(p -> out.add(p.getArray().toFloatArray()));
        return out;
    }

    private static void assertSame(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        }
    }

    private static boolean anyDifferent(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static void assertZeroGradients(List<Parameter> params) {
        for (Parameter p : params) {
            try (NDArray g = p.getArray().getGradient()) {
                assertEquals(0f, g.abs().max().getFloat(), 0f, p.getName() + " kept a gradient");
            }
        }
    }

    /** Each update moves only its own network and leaves no gradient behind on the other. */
    @Test
    void discriminatorAndGeneratorUpdatesTouchOnlyTheirOwnNetwork() throws Exception {
        AdversarialTraining.Setup s = TrialParts.setup(catalog(), trial(1).config(), false);
        Shape sample = s.dataset().sampleShape();
        Block g = s.architecture().generator(sample);
        Block d = s.architecture().discriminator(sample);
        try (NDManager root = NDManager.newBaseManager(); RealSampler real = s.dataset().open(1)) {
            g.initialize(root, DataType.FLOAT32, new Shape(32, 8));
            d.initialize(root, DataType.FLOAT32, new Shape(32, 2));
            GanStep step = new GanStep(g, d, new ParameterStore(root, false), s.loss(), s.optimizer(), true);
            List<float[]> g0 = weights(step.generatorParameters());
            List<float[]> d0 = weights(step.discriminatorParameters());
            try (NDManager m = root.newSubManager()) {
                step.discriminatorUpdate(real.next(m, 32), m.randomNormal(new Shape(32, 8)));
            }
            List<float[]> d1 = weights(step.discriminatorParameters());
            assertSame(g0, weights(step.generatorParameters()));
            assertTrue(anyDifferent(d0, d1), "D did not move");
            assertZeroGradients(step.discriminatorParameters());
            try (NDManager m = root.newSubManager()) {
                step.generatorUpdate(m.randomNormal(new Shape(32, 8)));
            }
            assertSame(d1, weights(step.discriminatorParameters()));
            assertTrue(anyDifferent(g0, weights(step.generatorParameters())), "G did not move");
            // The G update back-propagated through D: with D frozen, nothing is left on D's gradients.
            assertZeroGradients(step.discriminatorParameters());
            assertZeroGradients(step.generatorParameters());
        }
    }

    /** A 1-weight G (z -> wg z) and D (x -> wd x), weights set by hand. */
    private static Block oneWeight(float w) {
        Block b = ai.djl.nn.core.Linear.builder().setUnits(1).optBias(false).build();
        b.setInitializer(new ai.djl.training.initializer.ConstantInitializer(w), Parameter.Type.WEIGHT);
        return b;
    }

    /**
     * A simultaneous step takes G's gradient at D's weight from before the step; an alternating one at D's
     * updated weight. LSGAN (a=0, b=1, c=1), z = x = 1, wg = 0.5, wd = -0.0002, Adam lr 1e-3: Adam's first
     * update is lr * g / (|g| + 1e-8).
     * D: dL/dwd = (wd x - 1) x + (wd wg z) wg z = -1.00025 < 0, so wd -> -0.0002 + 0.001 = 0.0008 either way.
     * G: dL/dwg = (wd wg z - 1) wd z. At the old wd: (-0.0001 - 1)(-0.0002) = +2.0002e-4, so wg falls by
     * 0.001 * 0.99995 to 0.49900005. At the new wd (alternating): (0.0004 - 1) * 0.0008 < 0, so wg rises to 0.501.
     */
    @Test
    void aSimultaneousStepTakesBothGradientsAtTheWeightsBeforeIt() {
        var loss = new org.gansweep.losses.LeastSquaresLoss(0, 1, 1);
        var adam = new org.gansweep.core.train.AdamOptimizer(new org.gansweep.core.train.AdamOptimizer.Params(1e-3, 0.5, 0.999, 1e-8, 0.0));
        float[] wgAfter = new float[2];
        for (int mode = 0; mode < 2; mode++) {
            Block g = oneWeight(0.5f);
            Block d = oneWeight(-0.0002f);
            try (NDManager root = NDManager.newBaseManager()) {
                g.initialize(root, DataType.FLOAT32, new Shape(1, 1));
                d.initialize(root, DataType.FLOAT32, new Shape(1, 1));
                GanStep step = new GanStep(g, d, new ParameterStore(root, false), loss, adam, false);
                try (NDManager m = root.newSubManager()) {
                    NDArray one = m.ones(new Shape(1, 1));
                    if (mode == 0) {
                        step.simultaneousUpdate(one, one, null);
                    } else {
                        step.discriminatorUpdate(one, one);
                        step.generatorUpdate(one);
                    }
                }
                assertEquals(0.0008f, step.discriminatorParameters().get(0).getArray().getFloat(0, 0), 1e-7);
                wgAfter[mode] = step.generatorParameters().get(0).getArray().getFloat(0, 0);
                assertZeroGradients(step.generatorParameters());
                assertZeroGradients(step.discriminatorParameters());
            }
        }
        assertEquals(0.49900005f, wgAfter[0], 1e-7);
        assertEquals(0.50099995f, wgAfter[1], 1e-6);
    }

    /**
     * Per-step arrays die with the step: the long-lived manager holds as many arrays after 40 steps as after 5,
     * alternating and simultaneous (whose gradients come back from TorchScript in the weights' manager).
     */
    @Test
    void memoryStaysFlatAcrossSteps() throws Exception {
        AdversarialTraining.Setup s = TrialParts.setup(catalog(), trial(0).config(), false);
        Block g = s.architecture().generator(s.dataset().sampleShape());
        Block d = s.architecture().discriminator(s.dataset().sampleShape());
        try (NDManager root = NDManager.newBaseManager(); RealSampler real = s.dataset().open(1)) {
            g.initialize(root, DataType.FLOAT32, new Shape(32, 8));
            d.initialize(root, DataType.FLOAT32, new Shape(32, 2));
            GanStep step = new GanStep(g, d, new ParameterStore(root, false), s.loss(), s.optimizer(), true);
            int after5 = -1;
            for (int i = 1; i <= 40; i++) {
                try (NDManager m = root.newSubManager()) {
                    step.discriminatorUpdate(real.next(m, 32), m.randomNormal(new Shape(32, 8)));
                    step.generatorUpdate(m.randomNormal(new Shape(32, 8)));
                    step.simultaneousUpdate(real.next(m, 32), m.randomNormal(new Shape(32, 8)), null);
                }
                if (i == 5) {
                    after5 = root.getManagedArrays().size();
                }
            }
            assertEquals(after5, root.getManagedArrays().size());
        }
    }

    @Test
    void sameConfigAndSeedGiveIdenticalBytes() throws Exception {
        Trial t = trial(1);
        TrialRunner runner = new TrialRunner(catalog());
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        assertEquals("completed", runner.run(t, a, new TrainingListener() {}).status().name());
        assertEquals("completed", runner.run(t, b, new TrainingListener() {}).status().name());
        assertArrayEquals(Files.readAllBytes(a.resolve("metrics.csv")), Files.readAllBytes(b.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("samples/step_000030.csv")), Files.readAllBytes(b.resolve("samples/step_000030.csv")));
        // A different seed gives different numbers.
        Path c = Files.createDirectories(tmp.resolve("c"));
        runner.run(trial(0, "seeds=[2]", "loss=lsgan-pearson"), c, new TrainingListener() {});
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("metrics.csv")), Files.readAllBytes(c.resolve("metrics.csv"))));
    }

    @Test
    void metricsCsvHasLossesAndEvaluations() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Summary s = new TrialRunner(catalog()).run(trial(0), dir, new TrainingListener() {});
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("step,d_loss,g_loss,modes_covered,high_quality_fraction,kl_divergence", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,,,"), lines.get(1)); // the evaluation before training
        assertEquals(1 + 1 + 6, lines.size()); // header, step 0, logged steps 5..30 (evaluations fall on them)
        assertTrue(lines.get(2).matches("5,[-0-9.E]+,[-0-9.E]+,,,"), lines.get(2));
        assertTrue(lines.get(7).matches("30,[-0-9.E]+,[-0-9.E]+,\\d\\.0,[0-9.E-]+,[0-9.E-]+"), lines.get(7));
        assertNotNull(s.metrics().get("modes_covered"));
        assertNotNull(s.provenance().engineVersion());
        // Steps 0, 10, 20, 30: G's samples, and (a 2-D mixture) what Figure 1 draws of each.
        String[] files = new java.io.File(dir.resolve("samples").toString()).list();
        assertEquals(4, java.util.Arrays.stream(files).filter(f -> f.startsWith("step_")).count(), String.join(", ", files));
        assertEquals(4, java.util.Arrays.stream(files).filter(f -> f.startsWith("decision_step_")).count(), String.join(", ", files));
    }

    @Test
    void aTrialWhoseLossesBlowUpIsRecordedDiverged() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("nan"));
        Summary s = new TrialRunner(catalog()).run(trial(0, "optimizer.lr=1.0e30"), dir, new TrainingListener() {});
        assertEquals("diverged", s.status().name());
        assertNotNull(s.divergedAtStep());
        assertTrue(s.divergedAtStep() <= 30);
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }
}
