package org.gansweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.FakePlugins;
import org.gansweep.core.config.GridCorpus;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.train.TrialStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SweepRunner's outline, whatever runs the trials: a fake executor records what it is given and writes the results a
 * real one would. The grid is core's tiny ring (two trials, {@code gan} and {@code lsgan-pearson}, seed 1) through the
 * fake plug-ins.
 */
class SweepRunnerTest {
    @TempDir
    Path out;

    private ExperimentGrid grid;
    private Trial gan;
    private Trial pearson;
    private final Events events = new Events();

    @BeforeEach
    void loadGrid() throws Exception {
        grid = FakePlugins.loader().parse(GridCorpus.RING, "tiny.yaml", List.of());
        gan = grid.trials().get(0);
        pearson = grid.trials().get(1);
        assertEquals("gan", gan.setting().get("loss"));
        assertEquals("lsgan-pearson", pearson.setting().get("loss"));
    }

    @Test
    void aFirstRunGivesEveryTrialToTheExecutorAndCountsHowTheyEnded() throws Exception {
        Fake executor = new Fake(Map.of(gan.id(), TrialStatus.completed, pearson.id(), TrialStatus.diverged));
        SweepRunner.Outcome o = new SweepRunner(executor).run(grid, out, events).orElseThrow();
        assertEquals(List.of(List.of(gan.id(), pearson.id())), executor.given);
        assertEquals(List.of(true, true), executor.configWritten, "the executor got a trial without its config.yaml");
        assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 2, 0, 1, 0, 1), o);
        assertEquals(1, o.exitCode());
        assertEquals(List.of("started 2 pending, 0 skipped", "finished " + gan.id() + " completed",
                "finished " + pearson.id() + " diverged", "done"), events.seen);
        assertTrue(Files.isRegularFile(out.resolve("tiny").resolve(ExperimentStore.SWEEP)));
    }

    @Test
    void finishedTrialsAreNotRunAgainAndFailedOnesAre() throws Exception {
        new SweepRunner(new Fake(Map.of(gan.id(), TrialStatus.completed, pearson.id(), TrialStatus.failed))).run(grid, out, events);
        Fake again = new Fake(Map.of(pearson.id(), TrialStatus.completed));
        SweepRunner.Outcome o = new SweepRunner(again).run(grid, out, events).orElseThrow();
        assertEquals(List.of(List.of(pearson.id())), again.given);
        assertEquals(1, again.skipped);
        assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 1, 1, 2, 0, 0), o);
        assertEquals(0, o.exitCode());
    }

    @Test
    void aTrialAnotherProcessHoldsIsShownBusyLeftAloneAndCountedUnfinished() throws Exception {
        Path held = out.resolve("tiny").resolve(ExperimentStore.TRIALS).resolve(pearson.id());
        Files.createDirectories(held);
        try (TrialLock lock = TrialLock.tryAcquire(held).orElseThrow()) {
            Fake executor = new Fake(Map.of(gan.id(), TrialStatus.completed));
            SweepRunner.Outcome o = new SweepRunner(executor).run(grid, out, events).orElseThrow();
            assertEquals(List.of(List.of(gan.id())), executor.given);
            // No summary of its own yet: the count says failed until its holder writes one.
            assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 1, 0, 1, 1, 0), o);
            assertEquals("busy " + pearson.id() + " pid " + ProcessHandle.current().pid(), events.seen.get(0).replaceAll(" on .*", ""));
            assertEquals("started 1 pending, 0 skipped", events.seen.get(1));
        }
    }

    @Test
    void aDamagedTrialIsSetAsideShownAndRunAgain() throws Exception {
        new SweepRunner(new Fake(Map.of(gan.id(), TrialStatus.completed, pearson.id(), TrialStatus.completed))).run(grid, out, events);
        Path metrics = new TrialFolder(out.resolve("tiny").resolve(ExperimentStore.TRIALS).resolve(gan.id())).metrics();
        Files.writeString(metrics, "step,d_loss,g_loss\n0,9,9\n");
        events.seen.clear();
        Fake again = new Fake(Map.of(gan.id(), TrialStatus.completed));
        SweepRunner.Outcome o = new SweepRunner(again).run(grid, out, events).orElseThrow();
        assertEquals(List.of(List.of(gan.id())), again.given);
        assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 1, 1, 2, 0, 0), o);
        assertEquals("damaged " + gan.id() + ": metrics.csv changed since the trial finished (checksum differs)", events.seen.get(0));
        try (var aside = Files.list(out.resolve("tiny").resolve(TrialFolder.SET_ASIDE))) {
            assertEquals(1, aside.count());
        }
    }

    @Test
    void aFailureOfTheExecutorComesBackTypedAndReleasesTheExperiment() throws Exception {
        SweepExecutor failing = (batch, progress) -> {
            throw new SweepFailure("squeue did not answer", null);
        };
        SweepFailure f = assertThrows(SweepFailure.class, () -> new SweepRunner(failing).run(grid, out, events));
        assertEquals("squeue did not answer", f.getMessage());
        assertFalse(events.seen.contains("done"), "a sweep that stopped was shown done");
        try (ExperimentStore store = ExperimentStore.open(out.resolve("tiny"))) {
            assertTrue(Files.isRegularFile(store.dir().resolve(ExperimentStore.SWEEP)));
        }
    }

    @Test
    void aDetachedBatchHasNoCountAndIsNotShownDone() throws Exception {
        SweepExecutor detaching = (batch, progress) -> SweepExecutor.Ending.DETACHED;
        assertEquals(Optional.empty(), new SweepRunner(detaching).run(grid, out, events));
        assertEquals(List.of("started 2 pending, 0 skipped"), events.seen);
    }

    @Test
    void workTheExecutorResumesIsFollowedInsteadOfSortingAndStartingTrials() throws Exception {
        Fake resuming = new Fake(Map.of()) {
            @Override
            public Optional<Resumed> resume(ExperimentStore store, ExperimentGrid g, SweepProgress progress) {
                return Optional.of(new Resumed(2, Ending.FOLLOWED));
            }
        };
        SweepRunner.Outcome o = new SweepRunner(resuming).run(grid, out, events).orElseThrow();
        assertEquals(List.of(), resuming.given);
        assertFalse(Files.exists(out.resolve("tiny").resolve(ExperimentStore.TRIALS).resolve(gan.id())), "the trials were prepared");
        // Nothing ended with a summary here: both trials count as failed, both ran (in the resumed work).
        assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 2, 0, 0, 2, 0), o);
        assertEquals(List.of("done"), events.seen);
    }

    @Test
    void withNothingToRunOnlyAnExecutorThatSaysSoIsShownStarted() throws Exception {
        new SweepRunner(new Fake(Map.of(gan.id(), TrialStatus.completed, pearson.id(), TrialStatus.completed))).run(grid, out, events);
        events.seen.clear();
        Fake local = new Fake(Map.of());
        assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 0, 2, 2, 0, 0), new SweepRunner(local).run(grid, out, events).orElseThrow());
        assertEquals(List.of(List.of()), local.given);
        assertEquals(List.of("started 0 pending, 2 skipped", "done"), events.seen);
        events.seen.clear();
        Fake quiet = new Fake(Map.of()) {
            @Override
            public boolean quietWhenNothingToRun() {
                return true;
            }
        };
        assertEquals(new SweepRunner.Outcome(out.resolve("tiny"), 0, 2, 2, 0, 0), new SweepRunner(quiet).run(grid, out, events).orElseThrow());
        assertEquals(List.of(), quiet.given);
        assertEquals(List.of(), events.seen);
    }

    /** An executor that ends each pending trial as told (a status per trial id), with the files a real trial leaves. */
    private static class Fake implements SweepExecutor {
        private final Map<String, TrialStatus> ends;
        final List<List<String>> given = new ArrayList<>();
        final List<Boolean> configWritten = new ArrayList<>();
        int skipped = -1;

        Fake(Map<String, TrialStatus> ends) {
            this.ends = ends;
        }

        @Override
        public Ending run(Batch batch, SweepProgress progress) throws IOException {
            given.add(batch.pending().stream().map(Trial::id).toList());
            skipped = batch.skipped();
            for (Trial t : batch.pending()) {
                TrialFolder folder = new TrialFolder(batch.store().trialDir(t.id()));
                configWritten.add(Files.isRegularFile(folder.config()) && Files.isRegularFile(folder.identity()));
                Files.writeString(folder.metrics(), "step,d_loss,g_loss\n0,0.5,0.5\n");
                // No provenance: nothing in a sweep's outline reads it.
                Summary s = new Summary(t.id(), ends.get(t.id()), Map.of(), t.seed(), 30, 0.1, null, null, t.setting(), t.hash(), null, null);
                folder.writeSummary(s);
                progress.finished(t, s);
            }
            return Ending.FOLLOWED;
        }
    }

    /** What the sweep showed, in order. */
    private static final class Events implements SweepProgress {
        final List<String> seen = new ArrayList<>();

        @Override
        public void started(ExperimentGrid g, List<Trial> pending, int skipped) {
            seen.add("started " + pending.size() + " pending, " + skipped + " skipped");
        }

        @Override
        public void finished(Trial trial, Summary summary) {
            seen.add("finished " + trial.id() + " " + summary.status());
        }

        @Override
        public void done() {
            seen.add("done");
        }

        @Override
        public void damaged(Trial trial, List<String> problems, Path setAside) {
            seen.add("damaged " + trial.id() + ": " + String.join("; ", problems));
        }

        @Override
        public void busy(Trial trial, String holder) {
            seen.add("busy " + trial.id() + " " + holder);
        }
    }
}
