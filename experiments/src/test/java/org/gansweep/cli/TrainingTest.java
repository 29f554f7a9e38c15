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

    /** Per-step arrays die with the step: the long-lived manager holds as many arrays after 40 steps as after 5. */
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
        assertTrue(s.provenance().containsKey("engine_version"));
        assertEquals(4, new java.io.File(dir.resolve("samples").toString()).list().length); // steps 0, 10, 20, 30
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
