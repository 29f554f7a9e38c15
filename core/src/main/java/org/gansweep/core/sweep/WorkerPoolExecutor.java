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
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;

/**
 * The local executor: up to {@code workers} trials at once, each in a worker JVM of its own ({@link WorkerLauncher}:
 * DJL allows one open GradientCollector per JVM, so parallel trials are processes). With one worker, or one trial to
 * run, the trials run in this JVM instead ({@link InProcessExecutor}).
 */
public final class WorkerPoolExecutor implements SweepExecutor {
    private final PluginCatalog catalog;
    private final WorkerLauncher launcher;
    private final int workers;

    public WorkerPoolExecutor(PluginCatalog catalog, WorkerLauncher launcher, int workers) {
        this.catalog = catalog;
        this.launcher = launcher;
        this.workers = workers;
    }

    @Override
    public Ending run(Batch batch, SweepProgress progress) throws IOException, SweepFailure, InterruptedException {
        if (workers <= 1 || batch.pending().size() <= 1) {
            return new InProcessExecutor(catalog).run(batch, progress);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial t : batch.pending()) {
                futures.add(pool.submit(() -> {
                    Summary s = runWorker(t, batch.store().trialDir(t.id()), progress);
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
                    throw new SweepFailure("a worker JVM could not be started: a worker could not be run: " + e.getCause()
                            + " (was the JDK upgraded while the sweep ran?)", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return Ending.FOLLOWED;
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
                OptionalInt step = WorkerLines.step(line);
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
        Summary s = SweepRunner.readSummary(trialDir);
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
}
