package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path tmp;

    private static final Checkpoints.LoopState STATE =
            new Checkpoints.LoopState(4, new double[] {1, 2}, new double[] {3, 4}, Map.of("sample_mean", 0.5));

    private static TrainingRun run(long seed, NDManager root, RealStream data) {
        return TinyGan.run(TinyGan.setup(TinyGan.training(10, 5, 1, 2), seed), new TinyGan.Events(), root, data);
    }

    private static List<float[]> values(List<Parameter> params) {
        return params.stream().map(p -> p.getArray().toFloatArray()).toList();
    }

    private static void assertSameValues(List<float[]> a, List<float[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "array " + i);
        }
    }

    @Test
    void aSavedCheckpointRestoresBothNetworksBothOptimisersAndTheLoopState() throws Exception {
        Checkpoints checkpoints = new Checkpoints(tmp.resolve("checkpoint"));
        assertFalse(checkpoints.exists());
        List<float[]> g;
        List<float[]> d;
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            TrainingRun run = run(1, root, data);
            ((TinyGan.Updater) run.gan().generatorUpdater()).updates = 7;
            ((TinyGan.Updater) run.gan().discriminatorUpdater()).updates = 11;
            checkpoints.save(STATE, run.gan(), root);
            g = values(run.gan().generatorAllParameters());
            d = values(run.gan().discriminatorAllParameters());
        }
        assertTrue(checkpoints.exists());
        assertFalse(Files.exists(tmp.resolve("checkpoint.new")), "the new folder is renamed into place");
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            TrainingRun run = run(2, root, data);
            Checkpoints.LoopState state = checkpoints.restore(run.gan(), root);
            assertSameValues(g, values(run.gan().generatorAllParameters()));
            assertSameValues(d, values(run.gan().discriminatorAllParameters()));
            assertEquals(7, ((TinyGan.Updater) run.gan().generatorUpdater()).updates);
            assertEquals(11, ((TinyGan.Updater) run.gan().discriminatorUpdater()).updates);
            assertEquals(4, state.step());
            assertArrayEquals(new double[] {1, 2}, state.dWindow());
            assertArrayEquals(new double[] {3, 4}, state.gWindow());
            assertEquals(Map.of("sample_mean", 0.5), state.lastMetrics());
        }
    }

    @Test
    void aCheckpointLeftInTheNewFolderByAKillBetweenTheRenamesIsStillFound() throws Exception {
        Path dir = tmp.resolve("checkpoint");
        Checkpoints checkpoints = new Checkpoints(dir);
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            checkpoints.save(STATE, run(1, root, data).gan(), root);
        }
        Files.move(dir, tmp.resolve("checkpoint.new"));
        assertTrue(checkpoints.exists());
        assertEquals(4, checkpoints.loopState().step());
    }

    @Test
    void unreadableStateOrArraysOfOtherShapesAreUnreadable() throws Exception {
        Path dir = tmp.resolve("checkpoint");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("state.json"), "{\"step\": 3, \"dWindow\": [0.0]");
        Checkpoints checkpoints = new Checkpoints(dir);
        assertTrue(checkpoints.exists());
        assertTrue(assertThrows(Checkpoints.Unreadable.class, checkpoints::loopState).getMessage().startsWith("checkpoint/state.json cannot be read"));
        Files.writeString(dir.resolve("state.json"), "{\"step\": 3}");
        assertTrue(assertThrows(Checkpoints.Unreadable.class, checkpoints::loopState).getMessage().contains("no usable loop state"));

        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            checkpoints.save(STATE, run(1, root, data).gan(), root);
            // G's weight (2, 3) saved where D's (1, 2) is expected.
            Files.copy(dir.resolve("generator.params"), dir.resolve("discriminator.params"), StandardCopyOption.REPLACE_EXISTING);
            Checkpoints.Unreadable e = assertThrows(Checkpoints.Unreadable.class, () -> checkpoints.restore(run(2, root, data).gan(), root));
            assertTrue(e.getMessage().startsWith("checkpoint/discriminator.params cannot be read back"), e.getMessage());
        }
    }

    @Test
    void withoutAFolderNothingIsSavedOrFound() throws Exception {
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            Checkpoints.NONE.save(STATE, run(1, root, data).gan(), root);
        }
        assertFalse(Checkpoints.NONE.exists());
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }
}
