package org.gansweep.cli.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.sweep.SweepProgress;
import org.gansweep.core.sweep.SweepRunner;

/**
 * Follows a submitted job array until Slurm lists none of its tasks (squeue), printing tasks pending (and why),
 * running and done, and showing the tasks' trials as a local sweep shows its workers. What it saw is kept for
 * the end: the trials already shown finished, and the tasks it cancelled because Slurm could never start them.
 */
final class JobFollower {
    private final SlurmCommands slurm;
    private final double pollSeconds;
    private final PrintWriter err;
    private final SlurmJob job;
    private final ExperimentStore store;
    private final Map<String, Trial> byId;
    private final SweepProgress progress;
    private final Set<String> reported = new HashSet<>();
    private final Map<Integer, PendingReason> stuck = new TreeMap<>();

    /** @param byId the grid's trials by id: a job names its tasks' trials by id */
    JobFollower(SlurmCommands slurm, double pollSeconds, PrintWriter err, SlurmJob job, ExperimentStore store, Map<String, Trial> byId,
            SweepProgress progress) {
        this.slurm = slurm;
        this.pollSeconds = pollSeconds;
        this.err = err;
        this.job = job;
        this.store = store;
        this.byId = byId;
        this.progress = progress;
    }

    /** The trials shown finished while the job ran (each once). */
    Set<String> reported() {
        return reported;
    }

    /** The tasks cancelled because Slurm could never start them, with the reason it gave. */
    Map<Integer, PendingReason> stuck() {
        return stuck;
    }

    /** Waits for the array, showing pending, running and done tasks. */
    void waitForEnd() throws IOException, InterruptedException {
        int total = job.trials().size();
        String last = "";
        long lastPrint = 0;
        int misses = 0;
        while (true) {
            Map<Integer, SlurmCommands.ActiveTask> active;
            try {
                active = slurm.activeTasks(job.jobId());
                misses = 0;
            } catch (SlurmCommands.SlurmException e) {
                // slurmctld restarts or is briefly busy: try again for a minute before giving up (the job goes on).
                if (++misses * pollSeconds > 60) {
                    // A scheduler that cannot be asked, not a result that cannot be written: the sweep stops as a SweepFailure.
                    throw new SlurmCommands.SlurmException("squeue has not answered for a minute (" + e.getMessage()
                            + "); job " + job.jobId() + " goes on without this command");
                }
                Thread.sleep((long) (pollSeconds * 1000));
                continue;
            }
            String line = String.format("slurm job %s: %s, %d running, %d of %d done", job.jobId(), pendingByReason(active),
                    active.values().stream().filter(a -> !a.pending()).count(), total - active.size(), total);
            long now = System.nanoTime();
            if (!line.equals(last) || now - lastPrint > 10_000_000_000L) {
                err.println(line);
                err.flush();
                last = line;
                lastPrint = now;
            }
            cancelTasksThatCannotStart(active);
            showTasks(active);
            if (active.isEmpty()) {
                return;
            }
            Thread.sleep((long) (pollSeconds * 1000));
        }
    }

    /** "3 pending (2 Resources, 1 Priority)": how many wait, and why, as squeue says. */
    private static String pendingByReason(Map<Integer, SlurmCommands.ActiveTask> active) {
        Map<String, Long> byReason = new TreeMap<>();
        active.values().stream().filter(SlurmCommands.ActiveTask::pending).forEach(a -> byReason.merge(a.reason().code(), 1L, Long::sum));
        long pending = byReason.values().stream().mapToLong(Long::longValue).sum();
        if (pending == 0) {
            return "0 pending";
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, n) -> parts.add(byReason.size() == 1 ? reason : n + " " + reason));
        return pending + " pending (" + String.join(", ", parts) + ")";
    }

    /**
     * Tasks Slurm can never start as submitted ({@link PendingReason#cannotClear}) would be followed forever: they
     * are cancelled, once each, and their trials recorded as failed with the reason when the job is done.
     */
    private void cancelTasksThatCannotStart(Map<Integer, SlurmCommands.ActiveTask> active) throws IOException, InterruptedException {
        List<Integer> newlyStuck = new ArrayList<>();
        active.forEach((task, a) -> {
            if (a.pending() && a.reason().cannotClear() && !stuck.containsKey(task)) {
                stuck.put(task, a.reason());
                newlyStuck.add(task);
            }
        });
        if (newlyStuck.isEmpty()) {
            return;
        }
        for (int task : newlyStuck) {
            try {
                slurm.cancel(job.jobId(), task);
            } catch (SlurmCommands.SlurmException e) {
                // Ended or started in the meantime: the next poll sees it as it is.
            }
        }
        err.printf("slurm: %d task(s) of job %s can never start (%s); cancelled them, their trials will be recorded as failed%n",
                newlyStuck.size(), job.jobId(), stuck.get(newlyStuck.get(0)).explained());
        err.flush();
    }

    /**
     * Shows what the tasks' logs and trial folders say as a local sweep shows its workers: the step of each running
     * task (its last {@code progress N} line), and each trial whose task has ended with a summary, once.
     */
    private void showTasks(Map<Integer, SlurmCommands.ActiveTask> active) {
        for (int task = 0; task < job.trials().size(); task++) {
            Trial t = byId.get(job.trials().get(task));
            if (t == null || reported.contains(t.id())) {
                continue;
            }
            SlurmCommands.ActiveTask a = active.get(task);
            String state = a == null ? null : a.state();
            if ("RUNNING".equals(state)) {
                int step = TaskLogs.lastProgress(SlurmSweep.taskLog(store, job, task));
                if (step > 0) {
                    progress.step(t, step);
                }
            } else if (state == null) {
                Summary s = SweepRunner.readSummary(store.trialDir(t.id()));
                if (s != null) {
                    reported.add(t.id());
                    progress.finished(t, s);
                }
            }
        }
    }
}
