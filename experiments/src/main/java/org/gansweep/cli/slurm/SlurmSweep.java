package org.gansweep.cli.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.store.TrialProvenance;
import org.gansweep.core.sweep.SweepProgress;
import org.gansweep.core.sweep.SweepRunner;

/**
 * A sweep as one Slurm job array: the experiment folder is prepared here as for a local sweep, then one array task
 * per unfinished trial runs {@code gansweep trial DIR} on the shared folder, each under its own trial lock. This
 * command then follows the array (squeue), and when it is done records why any task that left no result ended
 * (cancelled, time limit, out of memory: {@code scontrol}), so that the next run retries exactly those trials.
 * A detached sweep is picked up by the next {@code run}: it follows a job still active, and never submits the
 * same trials twice.
 */
public final class SlurmSweep {
    private final SlurmCommands slurm;
    private final SlurmOptions options;
    private final List<String> javaCommand;
    private final PrintWriter err;

    /** @param javaCommand the java command line up to gansweep's main class, without a thread count */
    public SlurmSweep(SlurmCommands slurm, SlurmOptions options, List<String> javaCommand, PrintWriter err) {
        this.slurm = slurm;
        this.options = options;
        this.javaCommand = javaCommand;
        this.err = err;
    }

    /** The outcome once every task has ended; null when detached (the job runs on, and its id was printed). */
    public SweepRunner.Outcome run(ExperimentGrid grid, Path outRoot, boolean detach, SweepProgress progress)
            throws IOException, ExperimentStore.StoreException, InterruptedException {
        try (ExperimentStore store = ExperimentStore.open(outRoot.resolve(grid.name()))) {
            store.saveSweep(grid.sourceText(), grid.source(), grid.overrides());
            SlurmJob previous = SlurmJob.read(store.dir());
            if (previous != null && !slurm.activeTasks(previous.jobId()).isEmpty()) {
                err.printf("slurm: job array %s (submitted %s) is still working on %s: following it, not submitting again%n",
                        previous.jobId(), previous.submittedAt(), store.dir());
                return detach ? detached(previous, store) : follow(previous, grid, store, 0, progress);
            }
            if (previous != null) {
                recordEnds(previous, store, grid, Map.of());
            }
            SweepRunner.Prepared prepared = SweepRunner.prepare(store, grid, progress);
            for (Trial t : prepared.busy()) {
                progress.busy(t, TrialLock.describeHolder(store.trialDir(t.id())));
            }
            if (prepared.pending().isEmpty()) {
                return SweepRunner.tally(store, grid, 0, prepared.skipped());
            }
            progress.started(grid, prepared.pending(), prepared.skipped());
            SlurmJob job = submit(store, grid, prepared.pending());
            err.printf("slurm: submitted job array %s: %d task(s), one per unfinished trial (%d already finished)%n",
                    job.jobId(), job.trials().size(), prepared.skipped());
            return detach ? detached(job, store) : follow(job, grid, store, prepared.skipped(), progress);
        }
    }

    /** The id of the experiment's job array while Slurm still runs or queues some of its tasks; else null. */
    public static String activeJob(Path experimentDir, SlurmCommands slurm) throws IOException, InterruptedException {
        SlurmJob job = SlurmJob.read(experimentDir);
        return job != null && !slurm.activeTasks(job.jobId()).isEmpty() ? job.jobId() : null;
    }

    private SlurmJob submit(ExperimentStore store, ExperimentGrid grid, List<Trial> pending) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(store.dir().resolve(SlurmJob.FOLDER));
        Path logs = Files.createDirectories(folder.resolve("logs"));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(Instant.now());
        List<Path> dirs = new ArrayList<>();
        for (Trial t : pending) {
            dirs.add(store.trialDir(t.id()).toAbsolutePath().normalize());
        }
        Path tasks = folder.resolve("array-" + stamp + ".tasks");
        Files.write(tasks, dirs.stream().map(Path::toString).toList());
        Path script = folder.resolve("array-" + stamp + ".sbatch");
        List<String> sbatch = options.sbatchOptions("gansweep-" + grid.name(), pending.size(), logs.toAbsolutePath());
        Files.writeString(script, SlurmScript.text(sbatch, tasks.toAbsolutePath(), javaCommand));
        String id = slurm.submit(script);
        SlurmJob job = new SlurmJob(id, pending.stream().map(Trial::id).toList(), script.getFileName().toString(), Instant.now().toString());
        job.write(store.dir());
        return job;
    }

    private SweepRunner.Outcome detached(SlurmJob job, ExperimentStore store) {
        err.printf("slurm: detached. Follow job %s with `squeue -j %s`; its logs are in %s. Run the same `gansweep run ...`"
                + " command again to wait for it and write the report (it does not submit finished or queued trials again).%n",
                job.jobId(), job.jobId(), store.dir().resolve(SlurmJob.FOLDER).resolve("logs"));
        return null;
    }

    /** Waits for the array, showing pending, running and done tasks; then records how tasks without a result ended. */
    private SweepRunner.Outcome follow(SlurmJob job, ExperimentGrid grid, ExperimentStore store, int skipped, SweepProgress progress)
            throws IOException, InterruptedException {
        int total = job.trials().size();
        Map<String, Trial> byId = byId(grid);
        java.util.Set<String> reported = new java.util.HashSet<>();
        String last = "";
        long lastPrint = 0;
        int misses = 0;
        Map<Integer, PendingReason> stuck = new java.util.TreeMap<>();
        while (true) {
            Map<Integer, SlurmCommands.ActiveTask> active;
            try {
                active = slurm.activeTasks(job.jobId());
                misses = 0;
            } catch (SlurmCommands.SlurmException e) {
                // slurmctld restarts or is briefly busy: try again for a minute before giving up (the job goes on).
                if (++misses * options.pollSeconds() > 60) {
                    throw new IOException(e.getMessage() + "; the job goes on: run the same command again to follow it", e);
                }
                Thread.sleep((long) (options.pollSeconds() * 1000));
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
            cancelTasksThatCannotStart(job, active, stuck);
            showTasks(job, active, byId, store, reported, progress);
            if (active.isEmpty()) {
                break;
            }
            Thread.sleep((long) (options.pollSeconds() * 1000));
        }
        recordEnds(job, store, grid, stuck);
        for (Trial t : grid.trials()) {
            Summary s = job.trials().contains(t.id()) && !reported.contains(t.id()) ? SweepRunner.readSummary(store.trialDir(t.id())) : null;
            if (s != null) {
                progress.finished(t, s);
            }
        }
        progress.done();
        return SweepRunner.tally(store, grid, total, skipped);
    }

    /** "3 pending (2 Resources, 1 Priority)": how many wait, and why, as squeue says. */
    private static String pendingByReason(Map<Integer, SlurmCommands.ActiveTask> active) {
        Map<String, Long> byReason = new java.util.TreeMap<>();
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
    private void cancelTasksThatCannotStart(SlurmJob job, Map<Integer, SlurmCommands.ActiveTask> active, Map<Integer, PendingReason> stuck)
            throws IOException, InterruptedException {
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
    private static void showTasks(SlurmJob job, Map<Integer, SlurmCommands.ActiveTask> active, Map<String, Trial> byId, ExperimentStore store,
            java.util.Set<String> reported, SweepProgress progress) {
        for (int task = 0; task < job.trials().size(); task++) {
            Trial t = byId.get(job.trials().get(task));
            if (t == null || reported.contains(t.id())) {
                continue;
            }
            SlurmCommands.ActiveTask a = active.get(task);
            String state = a == null ? null : a.state();
            if ("RUNNING".equals(state)) {
                int step = TaskLogs.lastProgress(taskLog(store, job, task));
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

    /** The grid's trials by id: a job names its tasks' trials by id. */
    private static Map<String, Trial> byId(ExperimentGrid grid) {
        Map<String, Trial> byId = new LinkedHashMap<>();
        grid.trials().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    /** Where Slurm writes a task's output ({@code --output=logs/%A_%a.log}, see SlurmOptions). */
    private static Path taskLog(ExperimentStore store, SlurmJob job, int task) {
        return store.dir().resolve(SlurmJob.FOLDER).resolve("logs").resolve(job.jobId() + "_" + task + ".log");
    }

    /** The last lines of a task's log that are not progress lines, to show why it stopped. */
    private static String logTail(Path log) {
        try (java.util.stream.Stream<String> lines = Files.lines(log)) {
            List<String> kept = lines.filter(l -> !org.gansweep.core.sweep.WorkerLines.isProgress(l)).toList();
            List<String> tail = kept.subList(Math.max(0, kept.size() - 8), kept.size());
            return tail.isEmpty() ? "" : "\nThe log ends:\n" + String.join("\n", tail);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /**
     * A task that ended without writing its trial's summary (killed: cancelled, pre-empted, out of time or memory)
     * gets a {@code failed} one saying why, so the next run retries it. A trial still locked is left alone.
     */
    private void recordEnds(SlurmJob job, ExperimentStore store, ExperimentGrid grid, Map<Integer, PendingReason> stuck)
            throws IOException, InterruptedException {
        Map<String, Trial> byId = byId(grid);
        for (int task = 0; task < job.trials().size(); task++) {
            // A trial the grid no longer has (it was edited since) is not this sweep's to record.
            Trial trial = byId.get(job.trials().get(task));
            Path dir = trial == null ? null : store.trialDir(trial.id());
            if (dir == null || !Files.isDirectory(dir) || Files.exists(new TrialFolder(dir).summaryFile()) || TrialLock.heldElsewhere(dir)) {
                continue;
            }
            String why = stuck.containsKey(task)
                    ? "Slurm could never start it (pending, reason " + stuck.get(task).explained() + "), so gansweep cancelled it"
                    : SlurmScript.explain(slurm.taskEnd(job.jobId(), task));
            Path log = taskLog(store, job, task);
            var provenance = TrialProvenance.slurmTask(job.jobId(), String.valueOf(task), "the gansweep run that followed the job array");
            String then = stuck.containsKey(task)
                    ? ". The next `gansweep run` retries it; with the same options Slurm refuses it again."
                    : "; log: " + log + ". The next `gansweep run` retries it." + logTail(log);
            new TrialFolder(dir).writeSummary(Summary.failed(trial, "Slurm task " + job.jobId() + "_" + task + " ended without a result: "
                    + why + then, provenance));
            err.printf("slurm: %s (task %s_%d) %s; recorded as failed, the next run retries it%n", trial.id(), job.jobId(), task, why);
        }
    }
}
