package org.gansweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.Summary;
import org.gansweep.core.sweep.SweepProgress;
import org.gansweep.reports.ReportBuilder;

/**
 * The report while the sweep runs: after a trial finishes, the report is rebuilt as partial, at most once every
 * {@code minSeconds}, on one background thread of low priority, so a trial never waits for it (a build that is
 * due while one runs is merged into the next). Local sweeps and the Slurm follower both report finished trials
 * here. {@link #close} waits for a build in progress, so the final report is never overwritten by a partial one.
 */
final class LiveReport implements SweepProgress, AutoCloseable {
    private final SweepProgress shown;
    private final ReportBuilder reports;
    private final Path experimentDir;
    private final long minNanos;
    private final PrintWriter err;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gansweep-live-report");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private long lastBuild = Long.MIN_VALUE;
    private boolean queued;
    private boolean closed;
    private boolean warned;

    LiveReport(SweepProgress shown, ReportBuilder reports, Path experimentDir, double minSeconds, PrintWriter err) {
        this.shown = shown;
        this.reports = reports;
        this.experimentDir = experimentDir;
        this.minNanos = (long) (minSeconds * 1e9);
        this.err = err;
    }

    @Override
    public void started(ExperimentGrid grid, List<Trial> pending, int skipped) {
        shown.started(grid, pending, skipped);
    }

    @Override
    public void step(Trial trial, int step) {
        shown.step(trial, step);
    }

    @Override
    public void finished(Trial trial, Summary summary) {
        shown.finished(trial, summary);
        rebuildSoon();
    }

    @Override
    public void done() {
        shown.done();
    }

    @Override
    public void damaged(Trial trial, List<String> problems, Path setAside) {
        shown.damaged(trial, problems, setAside);
    }

    @Override
    public void busy(Trial trial, String holder) {
        shown.busy(trial, holder);
    }

    private synchronized void rebuildSoon() {
        if (queued || closed) {
            return;
        }
        long due = lastBuild == Long.MIN_VALUE ? System.nanoTime() : lastBuild + minNanos;
        queued = true;
        builder.submit(() -> {
            synchronized (this) {
                long left;
                while (!closed && (left = due - System.nanoTime()) > 0) {
                    try {
                        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                queued = false;
                if (closed) {
                    return;
                }
                lastBuild = System.nanoTime();
            }
            build();
        });
    }

    private void build() {
        try {
            reports.build(experimentDir, true);
        } catch (Exception e) {
            // The sweep goes on; the final report is built at the end whatever happens here.
            synchronized (this) {
                if (!warned) {
                    warned = true;
                    err.println("gansweep: warning: the partial report could not be built (" + e + "); the final one is"
                            + " built at the end");
                }
            }
        }
    }

    /**
     * Drops a build that waits for its turn and lets one that runs finish (never interrupted: an interrupt would
     * close the file it is writing).
     */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        builder.shutdown();
        builder.awaitTermination(10, TimeUnit.MINUTES);
    }
}
