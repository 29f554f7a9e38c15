package org.gansweep.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.Summary;
import org.gansweep.core.sweep.SweepProgress;

/**
 * A progress bar over all steps of the pending trials on a terminal; one line per finished trial
 * otherwise (logs, CI).
 */
final class ConsoleProgress implements SweepProgress, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final Map<String, Integer> done = new ConcurrentHashMap<>();
    private ProgressBar bar;
    private int finished;
    private int pending;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void started(ExperimentGrid grid, List<Trial> toRun, int skipped) {
        this.pending = toRun.size();
        err.printf("%s: %d trials, %d already finished, %d to run%n", grid.name(), pending + skipped, skipped, pending);
        err.flush();
        if (terminal && pending > 0) {
            long total = 0;
            for (Trial t : toRun) {
                total += t.config().training().steps();
            }
            bar = new ProgressBarBuilder().setTaskName(grid.name()).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).setUnit(" steps", 1).showSpeed().build();
        }
    }

    @Override
    public synchronized void damaged(Trial trial, List<String> problems, java.nio.file.Path setAside) {
        err.printf("damaged: %s: %s; its folder was moved to %s and the trial runs again%n",
                trial.id(), String.join("; ", problems), setAside);
        err.flush();
    }

    @Override
    public void step(Trial trial, int step) {
        Integer before = done.put(trial.id(), step);
        if (bar != null) {
            bar.stepBy(step - (before == null ? 0 : before));
        }
    }

    @Override
    public synchronized void finished(Trial trial, Summary s) {
        finished++;
        String line = String.format("[%d/%d] %s: %s%s", finished, pending, trial.id(), s.status(),
                s.error() != null ? " (" + s.error().lines().findFirst().orElse("") + ")" : "");
        if (bar != null) {
            bar.setExtraMessage(line);
        } else {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
