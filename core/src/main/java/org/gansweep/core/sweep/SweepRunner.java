package org.gansweep.core.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.train.TrialStatus;

/**
 * Runs every unfinished trial of a grid into {@code OUT/EXPERIMENT/} through a {@link SweepExecutor} (in this JVM,
 * in worker processes, as a Slurm job array), keeping the one outline every executor shares: the experiment folder
 * and sweep.json, the trials sorted, the busy ones shown, the pending ones run, the count. Finished trials (completed
 * or diverged, their files as recorded) are skipped, so running the same sweep again resumes it; failed trials run
 * again; a finished trial whose files were damaged is moved aside (never deleted) and run again. {@link TrialFolder}
 * decides which is which; a trial another process holds ({@link TrialLock}) is left to it.
 */
public final class SweepRunner {
    private final SweepExecutor executor;

    public SweepRunner(SweepExecutor executor) {
        this.executor = executor;
    }

    /** Counts of how the sweep's trials ended; skipped ones keep their stored status. */
    public record Outcome(Path dir, int ran, int skipped, int completed, int failed, int diverged) {
        /** 0 when every trial completed, 1 when some failed or diverged. */
        public int exitCode() {
            return failed + diverged > 0 ? 1 : 0;
        }
    }

    /** What {@link #prepare} found: the trials to run now, how many were finished, and those locked elsewhere. */
    public record Prepared(List<Trial> pending, int skipped, List<Trial> busy) {}

    /**
     * Sorts the grid's trials: finished ones are skipped; damaged ones are set aside (never deleted) and run
     * again; failed or unfinished ones are cleared of the earlier attempt and get their config.yaml; a trial whose
     * {@link TrialLock} another process holds (a Slurm task, another sweep) is left alone.
     */
    public static Prepared prepare(ExperimentStore store, ExperimentGrid grid, SweepProgress progress) throws IOException {
        List<Trial> pending = new ArrayList<>();
        List<Trial> busy = new ArrayList<>();
        int skipped = 0;
        List<Runnable> damageNotes = new ArrayList<>();
        for (Trial t : grid.trials()) {
            TrialFolder folder = new TrialFolder(store.trialDir(t.id()));
            TrialFolder.Inspection in = folder.inspect();
            if (in.state() == TrialFolder.State.FINISHED) {
                skipped++;
            } else if (heldAfterOrphansStop(folder.dir())) {
                busy.add(t);
            } else if (in.state() == TrialFolder.State.DAMAGED) {
                Path aside = folder.setAside(String.join("; ", in.problems()));
                damageNotes.add(() -> progress.damaged(t, in.problems(), aside));
                pending.add(t);
            } else {
                pending.add(t);
            }
        }
        damageNotes.forEach(Runnable::run);
        for (Trial t : pending) {
            new TrialFolder(store.trialDir(t.id())).clearForRetry();
            new TrialFolder(store.trialDir(t.id())).writeConfig(t);
        }
        return new Prepared(pending, skipped, busy);
    }

    /** How long a sweep waits for a worker of a killed sweep to stop (it checks its sweep every moment). */
    private static final long ORPHAN_WAIT_MS = 20_000;

    /**
     * Whether another process holds the trial, after waiting for a holder that is a worker of a killed sweep: such
     * a worker halts without writing a result once it sees its sweep gone, so the trial is this sweep's to run.
     */
    private static boolean heldAfterOrphansStop(Path trialDir) throws IOException {
        if (!TrialLock.heldElsewhere(trialDir)) {
            return false;
        }
        if (TrialLock.orphanHolder(trialDir).isPresent()) {
            // Its lock, not its process, is what matters: the lock ends when the process does, while a process that
            // has ended may linger as a zombie until its new parent reaps it.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ORPHAN_WAIT_MS);
            while (TrialLock.heldElsewhere(trialDir) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for a worker of an earlier sweep to stop", e);
                }
            }
        }
        return TrialLock.heldElsewhere(trialDir);
    }

    /** How the grid's trials stand now, as their summaries say (a trial with none counts as failed). */
    public static Outcome tally(ExperimentStore store, ExperimentGrid grid, int ran, int skipped) {
        int completed = 0;
        int failed = 0;
        int diverged = 0;
        for (Trial t : grid.trials()) {
            Summary s = readSummary(store.trialDir(t.id()));
            switch (s == null ? TrialStatus.failed : s.status()) {
                case completed -> completed++;
                case diverged -> diverged++;
                default -> failed++;
            }
        }
        return new Outcome(store.dir(), ran, skipped, completed, failed, diverged);
    }

    /**
     * Runs the grid's unfinished trials through the executor into {@code OUT/EXPERIMENT/}; empty when the executor
     * detached (the trials run on without this process: nothing to count or report yet).
     */
    public Optional<Outcome> run(ExperimentGrid grid, Path outRoot, SweepProgress progress)
            throws IOException, ExperimentStore.StoreException, SweepFailure, InterruptedException {
        try (ExperimentStore store = ExperimentStore.open(outRoot.resolve(grid.name()))) {
            store.saveSweep(grid.sourceText(), grid.source(), grid.overrides());
            Optional<SweepExecutor.Resumed> resumed = executor.resume(store, grid, progress);
            if (resumed.isPresent()) {
                return ended(resumed.get().ending(), store, grid, resumed.get().trials(), 0, progress);
            }
            Prepared prepared = prepare(store, grid, progress);
            for (Trial t : prepared.busy()) {
                progress.busy(t, TrialLock.describeHolder(store.trialDir(t.id())));
            }
            if (prepared.pending().isEmpty() && executor.quietWhenNothingToRun()) {
                return Optional.of(tally(store, grid, 0, prepared.skipped()));
            }
            progress.started(grid, prepared.pending(), prepared.skipped());
            SweepExecutor.Ending ending = executor.run(new SweepExecutor.Batch(store, grid, prepared.pending(), prepared.skipped()), progress);
            return ended(ending, store, grid, prepared.pending().size(), prepared.skipped(), progress);
        }
    }

    /** The count of a batch the executor followed to its end ({@code ran} trials); empty when it detached. */
    private static Optional<Outcome> ended(SweepExecutor.Ending ending, ExperimentStore store, ExperimentGrid grid, int ran, int skipped,
            SweepProgress progress) {
        if (ending == SweepExecutor.Ending.DETACHED) {
            return Optional.empty();
        }
        progress.done();
        return Optional.of(tally(store, grid, ran, skipped));
    }

    /** The folder's summary when it is readable and complete, else null (see {@link TrialFolder#readSummary}). */
    public static Summary readSummary(Path trialDir) {
        return new TrialFolder(trialDir).readSummary();
    }

    /** The trial stored in a folder by a sweep (see {@link TrialFolder#readTrial}). */
    public static Trial readTrial(GridLoader loader, Path trialDir) throws IOException, ConfigException {
        return new TrialFolder(trialDir).readTrial(loader);
    }
}
