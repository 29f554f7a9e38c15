package org.gansweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    /** Through a pipe (CI, a log file) there is no bar: a line per running trial every {@link #PIPE_EVERY_S} s. */
    static final int PIPE_EVERY_S = 10;
    /** id -> {nanos at the first step report, total steps, step at the first report}: speed counts from there. */
    private final Map<String, long[]> running = new ConcurrentHashMap<>();
    /** No speed or time left before this much of a trial has been watched: the first steps (JIT, warm-up) mislead. */
    static final double MEASURE_S = 3;
    private ScheduledExecutorService ticker;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void started(ExperimentGrid grid, List<Trial> toRun, int skipped) {
        this.pending = toRun.size();
        this.finished = 0; // a sequential sweep starts a round at a time
        err.printf("%s: %d trials, %d already finished, %d to run%n", grid.name(), pending + skipped, skipped, pending);
        err.flush();
        for (Trial t : toRun) {
            running.put(t.id(), new long[] {0, t.config().training().steps(), 0});
        }
        if (!terminal && pending > 0) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "gansweep-progress");
                th.setDaemon(true);
                return th;
            });
            ticker.scheduleAtFixedRate(this::printRunning, PIPE_EVERY_S, PIPE_EVERY_S, TimeUnit.SECONDS);
        }
        if (terminal && pending > 0) {
            long total = 0;
            for (Trial t : toRun) {
                total += t.config().training().steps();
            }
            // "0.0": the library's default speed format drops the leading zero (".3 steps/s").
            bar = new ProgressBarBuilder().setTaskName(grid.name()).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).setUnit(" steps", 1).showSpeed(new DecimalFormat("0.0")).build();
        }
    }

    @Override
    public synchronized void damaged(Trial trial, List<String> problems, Path setAside) {
        err.printf("damaged: %s: %s; its folder was moved to %s and the trial runs again%n",
                trial.id(), String.join("; ", problems), setAside);
        err.flush();
    }

    @Override
    public synchronized void busy(Trial trial, String holder) {
        err.printf("busy: %s is being trained by another process (%s); this sweep leaves it alone%n", trial.id(), holder);
        err.flush();
    }

    /** One line per trial that has begun: step, speed and time left. */
    synchronized void printRunning() {
        long now = System.nanoTime();
        for (var e : running.entrySet()) {
            Integer step = done.get(e.getKey());
            long[] r = e.getValue();
            if (step == null || r[0] == 0) {
                continue;
            }
            err.println(progressLine(e.getKey(), step, (int) r[1], rate(r[0], (int) r[2], step, now)));
        }
        err.flush();
    }

    /**
     * Steps per second since the trial's first report ({@code firstNanos}, at {@code firstStep}), or -1 before
     * {@link #MEASURE_S} seconds of it were watched. Not from step 0: a worker reports its first step count seconds
     * after it started, and counting those steps would promise minutes for hours.
     */
    static double rate(long firstNanos, int firstStep, int step, long now) {
        double seconds = (now - firstNanos) / 1e9;
        return seconds >= MEASURE_S && step > firstStep ? (step - firstStep) / seconds : -1;
    }

    /** A rate of -1: not measured yet. */
    static String progressLine(String id, int step, int total, double rate) {
        if (rate < 0) {
            return String.format(Locale.ROOT, "  %s: step %d/%d, measuring speed", id, step, total);
        }
        long eta = rate > 0 ? Math.round((total - step) / rate) : -1;
        return String.format(Locale.ROOT, "  %s: step %d/%d, %.1f steps/s, about %s left", id, step, total, rate,
                eta < 0 ? "?" : eta >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", eta / 3600, eta % 3600 / 60)
                        : eta >= 60 ? String.format(Locale.ROOT, "%d min %02d s", eta / 60, eta % 60) : eta + " s");
    }

    @Override
    public void step(Trial trial, int step) {
        long[] r = running.get(trial.id());
        if (r != null && r[0] == 0) {
            r[2] = step;
            r[0] = System.nanoTime();
        }
        Integer before = done.put(trial.id(), step);
        if (bar != null) {
            bar.stepBy(step - (before == null ? 0 : before));
        }
    }

    @Override
    public synchronized void finished(Trial trial, Summary s) {
        finished++;
        running.remove(trial.id());
        String line = String.format("[%d/%d] %s: %s%s", finished, pending, trial.id(), s.status(),
                s.error() != null ? " (" + s.error().lines().findFirst().orElse("") + ")" : "");
        if (bar != null) {
            // Above the bar, on a line of its own. The bar draws itself on the line above the cursor (it moves up
            // one line, draws, moves back): write the line where the bar is, leave a line for the bar below it,
            // and put the cursor under that.
            err.print("\033[1A\r\033[K" + line + "\n\n");
            err.flush();
            bar.refresh();
        } else {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (bar != null) {
            bar.close();
        }
    }
}
