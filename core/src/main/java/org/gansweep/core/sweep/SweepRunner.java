package org.gansweep.core.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.train.TrainingListener;
import org.gansweep.core.train.TrialStatus;

/**
 * Runs every unfinished trial of a grid into {@code OUT/EXPERIMENT/}: in this JVM with one worker, or
 * in worker processes with several. Finished trials (completed or diverged, their files as recorded) are
 * skipped, so running the same sweep again resumes it; failed trials run again; a finished trial whose files
 * were damaged is moved aside (never deleted) and run again. {@link TrialFolder} decides which is which; a trial
 * another process holds ({@link TrialLock}) is left to it. {@link #prepare} and {@link #tally} are shared with
 * executors that run trials elsewhere (Slurm).
 */
public final class SweepRunner {
    private final PluginCatalog catalog;
    private final WorkerLauncher launcher;

    public SweepRunner(PluginCatalog catalog, WorkerLauncher launcher) {
        this.catalog = catalog;
        this.launcher = launcher;
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

    public Outcome run(ExperimentGrid grid, Path outRoot, int workers, SweepProgress progress)
            throws IOException, ExperimentStore.StoreException, InterruptedException {
        try (ExperimentStore store = ExperimentStore.open(outRoot.resolve(grid.name()))) {
            store.saveSweep(grid.sourceText(), grid.source(), grid.overrides());
            Prepared prepared = prepare(store, grid, progress);
            List<Trial> pending = prepared.pending();
            for (Trial t : prepared.busy()) {
                progress.busy(t, TrialLock.describeHolder(store.trialDir(t.id())));
            }
            progress.started(grid, pending, prepared.skipped());
            if (workers <= 1 || pending.size() <= 1 || launcher == null) {
                TrialRunner runner = new TrialRunner(catalog);
                for (Trial t : pending) {
                    Summary s;
                    try {
                        s = runner.run(t, store.trialDir(t.id()), new TrainingListener() {
                            @Override
                            public void onStep(int step) {
                                progress.step(t, step);
                            }
                        });
                    } catch (TrialRunner.TrialBusy e) {
                        progress.busy(t, e.getMessage());
                        continue;
                    }
                    progress.finished(t, s);
                }
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(workers);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (Trial t : pending) {
                        futures.add(pool.submit(() -> {
                            Summary s = runWorker(t, store.trialDir(t.id()), progress);
                            if (s != null) {
                                progress.finished(t, s);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : futures) {
                        try {
                            f.get();
                        } catch (ExecutionException e) {
                            throw new IOException("a worker could not be run: " + e.getCause(), e.getCause());
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            progress.done();
            return tally(store, grid, pending.size(), prepared.skipped());
        }
    }

    /**
     * Runs a trial in a worker process; a worker that dies without a summary gets a {@code failed} one. Null when
     * another process holds the trial.
     */
    private Summary runWorker(Trial t, Path trialDir, SweepProgress progress) throws IOException, InterruptedException {
        // The worker's stdin stays open and unwritten: it is the pipe by which the worker sees this sweep alive. The
        // kernel closes it when this process ends however it ends (kill -9 too), and the worker halts at once.
        Process p = launcher.start(trialDir);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(new TrialFolder(trialDir).workerLog(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                java.util.OptionalInt step = WorkerLines.step(line);
                if (step.isPresent()) {
                    progress.step(t, step.getAsInt());
                } else {
                    log.write(line + "\n");
                    log.flush();
                }
            }
        }
        int code = p.waitFor();
        p.getOutputStream().close();
        Summary s = readSummary(trialDir);
        if (s == null && TrialLock.heldElsewhere(trialDir)) {
            // The worker found the trial locked by another process: its result is that process's to write.
            progress.busy(t, TrialLock.describeHolder(trialDir));
            return null;
        }
        if (s == null) {
            s = Summary.failed(t, "the worker process exited with code " + code + " without a result; see "
                    + new TrialFolder(trialDir).workerLog(), TrialRunner.provenance(t));
            new TrialFolder(trialDir).writeSummary(s);
        }
        return s;
    }

    /** The folder's summary when it is readable and complete, else null (see {@link TrialFolder#readSummary}). */
    public static Summary readSummary(Path trialDir) {
        return new TrialFolder(trialDir).readSummary();
    }

    /** The trial stored in a folder by a sweep (see {@link TrialFolder#readTrial}). */
    public static Trial readTrial(org.gansweep.core.config.GridLoader loader, Path trialDir)
            throws IOException, org.gansweep.core.config.ConfigException {
        return new TrialFolder(trialDir).readTrial(loader);
    }
}
