package org.gansweep.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv as TrialRecorder writes it, and what a resumed run keeps of it. */
class TrialRecorderTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerStepWithBlanksWhereNothingWasComputed() throws Exception {
        try (NDManager nd = NDManager.newBaseManager();
                TrialRecorder r = new TrialRecorder(dir, List.of("modes_covered", "kl_divergence"))) {
            r.onEvaluation(0, Map.of("modes_covered", 1.0), nd.create(new float[] {0.5f, -0.25f, 1f, 2f}, new Shape(2, 2)), null);
            r.onLosses(5, 0.5f, -1.25f);
            r.onLosses(10, 1e-5f, Float.NaN);
        }
        assertEquals("step,d_loss,g_loss,modes_covered,kl_divergence\n"
                + "0,,,1.0,\n"
                + "5,0.5,-1.25,,\n"
                + "10,1.0E-5,NaN,,\n", Files.readString(dir.resolve(TrialFolder.METRICS)));
        assertEquals("x,y\n0.5,-0.25\n1.0,2.0\n", Files.readString(dir.resolve("samples/step_000000.csv")));
    }

    @Test
    void aResumedRunKeepsTheRowsUpToItsCheckpointAndDropsATornLastRow() throws Exception {
        Files.writeString(dir.resolve(TrialFolder.METRICS), "step,d_loss,g_loss,modes_covered\n"
                + "0,,,1.0\n"
                + "5,0.5,-1.25,\n"
                + "10,0.25,0.75,2.0\n"
                + "15,0.125,0.5,\n"
                + "20,0.1"); // cut off by the interruption
        Path samples = Files.createDirectories(dir.resolve(TrialFolder.SAMPLES));
        for (String f : List.of("step_000010.csv", "step_000015.csv", "decision_step_000010.csv", "decision_step_000015.csv")) {
            Files.writeString(samples.resolve(f), "x,y\n");
        }
        try (TrialRecorder r = new TrialRecorder(dir, List.of("modes_covered"), 10)) {
            r.onLosses(15, 0.125f, 0.5f);
        }
        assertEquals("step,d_loss,g_loss,modes_covered\n"
                + "0,,,1.0\n"
                + "5,0.5,-1.25,\n"
                + "10,0.25,0.75,2.0\n"
                + "15,0.125,0.5,\n", Files.readString(dir.resolve(TrialFolder.METRICS)));
        assertTrue(Files.exists(samples.resolve("step_000010.csv")));
        assertTrue(Files.exists(samples.resolve("decision_step_000010.csv")));
        assertFalse(Files.exists(samples.resolve("step_000015.csv")));
        assertFalse(Files.exists(samples.resolve("decision_step_000015.csv")));
    }

    @Test
    void rowsOfAnotherMetricSetAreNotKept() throws Exception {
        // Written with one metric more than the resumed run records: no row fits its columns.
        Files.writeString(dir.resolve(TrialFolder.METRICS), "step,d_loss,g_loss,a,b\n0,,,1.0,2.0\n5,0.5,0.5,,\n");
        new TrialRecorder(dir, List.of("a"), 10).close();
        assertEquals("step,d_loss,g_loss,a\n", Files.readString(dir.resolve(TrialFolder.METRICS)));
    }
}
