package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gansweep.core.config.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointScheduleTest {
    @TempDir
    Path tmp;

    private static List<Integer> dueSteps(TrainingConfig t) {
        CheckpointSchedule s = new CheckpointSchedule(t, Checkpoints.NONE);
        return IntStream.rangeClosed(1, t.steps()).filter(s::due).boxed().toList();
    }

    @Test
    void checkpointsFallEveryCheckpointEveryStepsButNeverOnTheLastStep() {
        assertEquals(List.of(3, 6, 9), dueSteps(TinyGan.training(10, 5, 1, 3)));
        assertEquals(List.of(3, 6), dueSteps(TinyGan.training(9, 5, 1, 3)));
        assertEquals(List.of(), dueSteps(TinyGan.training(9, 5, 1, 0)));
        assertEquals(List.of(1, 2, 3), dueSteps(TinyGan.training(4, 5, 1, 1)));
    }

    @Test
    void theStreamSeedAfterACheckpointIsSplitMix64OfSeedAndStep() {
        // Computed independently (Python, 64-bit wrap-around).
        assertEquals(511263286984502575L, CheckpointSchedule.derive(1, 3));
        assertEquals(-7439409170194377501L, CheckpointSchedule.derive(1, 6));
        assertEquals(2108622490717704236L, CheckpointSchedule.derive(7, 100));
    }

    @Test
    void aCheckpointIsWrittenThenTheStreamsAreReseededAndAResumedRunGetsItAllBack() throws Exception {
        Path dir = tmp.resolve("checkpoint");
        TrainingConfig t = TinyGan.training(10, 5, 1, 3);
        TinyGan.Points points = new TinyGan.Points(false);
        TinyGan.Events events = new TinyGan.Events();
        float[] g;
        float[] afterReseed;
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(points)) {
            TrainingRun run = TinyGan.run(TinyGan.setup(t, 1, points, new TinyGan.MeanGap(false)), events, root, data);
            run.openData(1);
            run.windows().record(2, 1.5f, 2.5f);
            Map<String, Double> last = new LinkedHashMap<>();
            last.put("sample_mean", 0.75);
            run.setLastMetrics(last);
            CheckpointSchedule s = new CheckpointSchedule(t, new Checkpoints(dir));
            s.afterStep(run, 2, 0, 0);
            assertFalse(Files.exists(dir), "step 2 is no checkpoint step");
            s.afterStep(run, 3, 0, 0);
            assertEquals(List.of("checkpoint 3"), events.lines);
            assertTrue(Files.exists(dir.resolve("state.json")));
            // The data stream is opened again from derive(seed, 3), and PyTorch's generator is seeded from it.
            assertEquals(List.of(1L, CheckpointSchedule.derive(1, 3)), points.opened);
            assertEquals(1, points.closed);
            afterReseed = root.randomNormal(new Shape(4)).toFloatArray();
            g = run.gan().generatorAllParameters().get(0).getArray().toFloatArray();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(AdversarialTraining.seed32(CheckpointSchedule.derive(1, 3)));
            assertArrayEquals(m.randomNormal(new Shape(4)).toFloatArray(), afterReseed);
        }

        // Another seed initialises other weights; resuming loads the checkpoint's.
        TinyGan.Points resumedPoints = new TinyGan.Points(false);
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(resumedPoints)) {
            TrainingRun run = TinyGan.run(TinyGan.setup(t, 2, resumedPoints, new TinyGan.MeanGap(false)), events, root, data);
            Parameter w = run.gan().generatorAllParameters().get(0);
            assertFalse(Arrays.equals(g, w.getArray().toFloatArray()));
            CheckpointSchedule s = new CheckpointSchedule(t, new Checkpoints(dir));
            assertTrue(s.canResume());
            assertEquals(3, s.resume(run));
            assertArrayEquals(g, w.getArray().toFloatArray());
            double[] d = new double[10];
            double[] gw = new double[10];
            d[2] = 1.5;
            gw[2] = 2.5;
            assertArrayEquals(d, run.windows().d());
            assertArrayEquals(gw, run.windows().g());
            assertEquals(Map.of("sample_mean", 0.75), run.lastMetrics());
            // Derived from this run's seed: a trial resumes from its own checkpoints only.
            assertEquals(List.of(CheckpointSchedule.derive(2, 3)), resumedPoints.opened);
            assertNotEquals(CheckpointSchedule.derive(1, 3), CheckpointSchedule.derive(2, 3));
        }
    }

    @Test
    void withCheckpointsOffAnExistingCheckpointIsNotResumed() throws Exception {
        Path dir = tmp.resolve("checkpoint");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("state.json"), "{\"step\":3,\"dWindow\":[0],\"gWindow\":[0],\"lastMetrics\":{}}");
        assertTrue(new CheckpointSchedule(TinyGan.training(10, 5, 1, 3), new Checkpoints(dir)).canResume());
        assertFalse(new CheckpointSchedule(TinyGan.training(10, 5, 1, 0), new Checkpoints(dir)).canResume());
        assertFalse(new CheckpointSchedule(TinyGan.training(10, 5, 1, 3), new Checkpoints(tmp.resolve("none"))).canResume());
    }
}
