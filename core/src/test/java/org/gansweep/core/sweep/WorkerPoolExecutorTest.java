package org.gansweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.FakePlugins;
import org.gansweep.core.config.GridCorpus;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.train.TrialStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local worker pool with stand-in workers (a shell that prints what a worker would, or no process at all): what it
 * reads from a worker, what it records for one that leaves no result, and the typed failure when none can start.
 */
class WorkerPoolExecutorTest {
    @TempDir
    Path out;

    /** The tiny ring's two trials, prepared as SweepRunner gives them to an executor; then the executor's run. */
    private SweepExecutor.Ending runBoth(WorkerPoolExecutor pool, SweepProgress progress) throws Exception {
        ExperimentGrid grid = FakePlugins.loader().parse(GridCorpus.RING, "tiny.yaml", List.of());
        try (ExperimentStore store = ExperimentStore.open(out.resolve(grid.name()))) {
            SweepRunner.Prepared prepared = SweepRunner.prepare(store, grid, progress);
            return pool.run(new SweepExecutor.Batch(store, grid, prepared.pending(), prepared.skipped()), progress);
        }
    }

    @Test
    void aWorkerThatCannotBeStartedStopsTheSweepWithATypedFailure() {
        WorkerLauncher none = trialDir -> {
            throw new IOException("Cannot run program \"java\": error=2, No such file or directory");
        };
        SweepFailure f = assertThrows(SweepFailure.class, () -> runBoth(new WorkerPoolExecutor(null, none, 2), SweepProgress.NONE));
        assertEquals("a worker JVM could not be started: a worker could not be run: java.io.IOException: Cannot run program \"java\":"
                + " error=2, No such file or directory (was the JDK upgraded while the sweep ran?)", f.getMessage());
    }

    @Test
    void aWorkerThatEndsWithoutAResultIsRecordedFailedWithItsOutputInItsLog() throws Exception {
        WorkerLauncher broken = trialDir -> new ProcessBuilder("sh", "-c", "echo progress 7; echo it broke; exit 3")
                .redirectErrorStream(true).start();
        Map<String, Integer> steps = new ConcurrentHashMap<>();
        Map<String, Summary> ends = new ConcurrentHashMap<>();
        SweepProgress progress = new SweepProgress() {
            @Override
            public void step(Trial trial, int step) {
                steps.put(trial.id(), step);
            }

            @Override
            public void finished(Trial trial, Summary summary) {
                ends.put(trial.id(), summary);
            }
        };
        assertEquals(SweepExecutor.Ending.FOLLOWED, runBoth(new WorkerPoolExecutor(null, broken, 2), progress));
        assertEquals(2, ends.size());
        for (var e : ends.entrySet()) {
            TrialFolder folder = new TrialFolder(out.resolve("tiny").resolve(ExperimentStore.TRIALS).resolve(e.getKey()));
            assertEquals(7, steps.get(e.getKey()));
            assertEquals("it broke\n", Files.readString(folder.workerLog()), "the progress line went to the log, or the rest did not");
            assertEquals(TrialStatus.failed, e.getValue().status());
            assertEquals("the worker process exited with code 3 without a result; see " + folder.workerLog(), e.getValue().error());
            assertEquals(e.getValue().error(), folder.readSummary().error());
        }
    }
}
