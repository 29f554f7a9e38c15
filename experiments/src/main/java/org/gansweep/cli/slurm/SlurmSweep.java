package org.gansweep.cli.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.store.TrialProvenance;
import org.gansweep.core.sweep.SweepExecutor;
import org.gansweep.core.sweep.SweepFailure;
import org.gansweep.core.sweep.SweepProgress;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.core.sweep.WorkerLines;

/**
 * The Slurm executor: a sweep as one Slurm job array. The experiment folder is prepared here as for a local sweep
 * ({@link SweepRunner}), then one array task per unfinished trial runs {@code gansweep trial DIR} on the shared folder,
 * each under its own trial lock. This command then follows the array ({@link JobFollower}), and when it is done records
 * why any task that left no result ended (cancelled, time limit, out of memory: {@code scontrol}), so that the next run
 * retries exactly those trials. A detached sweep is picked up by the next {@code run}: it follows a job still active,
 * and never submits the same trials twice.
 */
public final class SlurmSweep implements SweepExecutor {
    private final SlurmCommands slurm;
    private final SlurmOptions options;
    private final List<String> javaCommand;
    private final boolean detach;
    private final PrintWriter err;

    /**
     * @param javaCommand the java command line up to gansweep's main class, without a thread count
     * @param detach submit and return, leaving the job to run (the next {@code run} follows it)
     */
    public SlurmSweep(SlurmCommands slurm, SlurmOptions options, List<String> javaCommand, boolean detach, PrintWriter err) {
        this.slurm = slurm;
        this.options = options;
        this.javaCommand = javaCommand;
        this.detach = detach;
        this.err = err;
    }

    /** A job array of an earlier run that is still active is followed (never submitted again); an ended one's failures are recorded. */
    @Override
    public Optional<Resumed> resume(ExperimentStore store, ExperimentGrid grid, SweepProgress progress)
            throws IOException, SweepFailure, InterruptedException {
        try {
            SlurmJob previous = SlurmJob.read(store.dir());
            if (previous != null && !slurm.activeTasks(previous.jobId()).isEmpty()) {
                err.printf("slurm: job array %s (submitted %s) is still working on %s: following it, not submitting again%n",
                        previous.jobId(), previous.submittedAt(), store.dir());
                return Optional.of(new Resumed(previous.trials().size(), detach ? detached(previous, store) : follow(previous, grid, store, progress)));
            }
            if (previous != null) {
                recordEnds(previous, store, grid, Map.of());
            }
            return Optional.empty();
        } catch (SlurmCommands.SlurmException e) {
            throw new SweepFailure(e.getMessage(), e);
        }
    }

    @Override
    public Ending run(Batch batch, SweepProgress progress) throws IOException, SweepFailure, InterruptedException {
        try {
            SlurmJob job = submit(batch.store(), batch.grid(), batch.pending());
            err.printf("slurm: submitted job array %s: %d task(s), one per unfinished trial (%d already finished)%n",
                    job.jobId(), job.trials().size(), batch.skipped());
            return detach ? detached(job, batch.store()) : follow(job, batch.grid(), batch.store(), progress);
        } catch (SlurmCommands.SlurmException e) {
            throw new SweepFailure(e.getMessage(), e);
        }
    }

    /** With nothing to submit, a Slurm sweep says nothing before its count: it has always been so. */
    @Override
    public boolean quietWhenNothingToRun() {
        return true;
    }

    /** The id of the experiment's job array while Slurm still runs or queues some of its tasks; else null. */
    static String activeJob(Path experimentDir, SlurmCommands slurm) throws IOException, InterruptedException {
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

    private Ending detached(SlurmJob job, ExperimentStore store) {
        err.printf("slurm: detached. Follow job %s with `squeue -j %s`; its logs are in %s. Run the same `gansweep run ...`"
                + " command again to wait for it and write the report (it does not submit finished or queued trials again).%n",
                job.jobId(), job.jobId(), store.dir().resolve(SlurmJob.FOLDER).resolve("logs"));
        return Ending.DETACHED;
    }

    /** Waits for the array; then records how tasks without a result ended, and shows the trials not yet shown finished. */
    private Ending follow(SlurmJob job, ExperimentGrid grid, ExperimentStore store, SweepProgress progress)
            throws IOException, InterruptedException {
        JobFollower follower = new JobFollower(slurm, options.pollSeconds(), err, job, store, byId(grid), progress);
        follower.waitForEnd();
        recordEnds(job, store, grid, follower.stuck());
        for (Trial t : grid.trials()) {
            Summary s = job.trials().contains(t.id()) && !follower.reported().contains(t.id())
                    ? SweepRunner.readSummary(store.trialDir(t.id())) : null;
            if (s != null) {
                progress.finished(t, s);
            }
        }
        return Ending.FOLLOWED;
    }

    /** The grid's trials by id: a job names its tasks' trials by id. */
    private static Map<String, Trial> byId(ExperimentGrid grid) {
        Map<String, Trial> byId = new LinkedHashMap<>();
        grid.trials().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    /** Where Slurm writes a task's output ({@code --output=logs/%A_%a.log}, see SlurmOptions). */
    static Path taskLog(ExperimentStore store, SlurmJob job, int task) {
        return store.dir().resolve(SlurmJob.FOLDER).resolve("logs").resolve(job.jobId() + "_" + task + ".log");
    }

    /** The last lines of a task's log that are not progress lines, to show why it stopped. */
    private static String logTail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> kept = lines.filter(l -> !WorkerLines.isProgress(l)).toList();
            List<String> tail = kept.subList(Math.max(0, kept.size() - 8), kept.size());
            return tail.isEmpty() ? "" : "\nThe log ends:\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
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
