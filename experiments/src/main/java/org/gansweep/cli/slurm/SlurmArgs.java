package org.gansweep.cli.slurm;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.sweep.SweepExecutor;
import picocli.CommandLine.Option;

/**
 * {@code run}'s options for {@code --executor slurm}, as a picocli mixin: sbatch settings and {@code --detach}; bound
 * as the Slurm executor's factory ({@link SlurmSweep}).
 */
public final class SlurmArgs implements SweepExecutor.Factory {
    @Option(names = "--detach", description = "slurm: submit, print the job id and return; run the same command again to follow it")
    public boolean detach;

    @Option(names = "--partition", description = "slurm: sbatch --partition")
    public String partition;

    @Option(names = "--time", description = "slurm: sbatch --time per task, e.g. 4:00:00")
    public String time;

    @Option(names = "--mem", description = "slurm: sbatch --mem per task, e.g. 8G")
    public String mem;

    @Option(names = "--gres", description = "slurm: sbatch --gres, e.g. gpu:1 (one GPU per trial)")
    public String gres;

    @Option(names = "--account", description = "slurm: sbatch --account")
    public String account;

    @Option(names = "--max-running", defaultValue = "0", description = "slurm: at most N tasks at once (the array's %%N); 0 = no limit")
    public int maxRunning;

    @Option(names = "--cpus-per-task", defaultValue = "1", description = "slurm: sbatch --cpus-per-task, also each task's threads (default 1)")
    public int cpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "OPTION", description = "slurm: any other sbatch option, passed through, e.g. --sbatch-arg=--qos=long")
    public List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--slurm-conf", hidden = true, description = "a slurm.conf for the Slurm commands (the local test cluster)")
    public Path slurmConf;

    @Option(names = "--poll-seconds", hidden = true, defaultValue = "5", description = "how often to ask squeue")
    public double pollSeconds;

    @Inject
    TaskJava taskJava;

    @Override
    public String summary() {
        return "one job array on a shared folder";
    }

    /** Given to a local sweep: every option here but the hidden test hooks (a local run reads --slurm-conf to ask Slurm). */
    @Override
    public String misplaced(List<String> given) {
        boolean one = given.size() == 1;
        return String.join(", ", given) + (one ? " goes" : " go") + " with --executor slurm; a local sweep runs on this machine and would"
                + " ignore " + (one ? "it" : "them") + ": add --executor slurm, or leave " + (one ? "it" : "them") + " out";
    }

    @Override
    public boolean detaches() {
        return detach;
    }

    /** A job array still active on the experiment: another executor would run its queued trials a second time. */
    @Override
    public String workInFlight(Path experimentDir, PrintWriter err) throws IOException, InterruptedException {
        String active = null;
        try {
            active = SlurmCommands.available() ? SlurmSweep.activeJob(experimentDir, new SlurmCommands(slurmConf)) : null;
        } catch (SlurmCommands.SlurmException e) {
            err.println("gansweep: warning: cannot ask Slurm whether an earlier job array still works on this"
                    + " experiment (" + e.getMessage() + "); trials it is training now are locked and left alone");
        }
        return active == null ? null : "Slurm job array " + active + " is still working on " + experimentDir
                + "; follow it with the same command and --executor slurm, or cancel it with `scancel " + active + "`";
    }

    @Override
    public SweepExecutor create(PrintWriter err) {
        return new SlurmSweep(new SlurmCommands(slurmConf), options(), taskJava.command(), detach, err);
    }

    @Override
    public String problem() {
        // Each value becomes part of a line of the job script: a line break would start a shell command of its own.
        String[][] texts = {{"--partition", partition}, {"--time", time}, {"--mem", mem}, {"--gres", gres}, {"--account", account}};
        for (String[] t : texts) {
            if (t[1] != null && (t[1].isBlank() || !t[1].matches("[\\p{Graph}]+"))) {
                return t[0] + " must be one word of printable characters (it goes into the job script), got '" + printable(t[1]) + "'";
            }
        }
        for (String a : sbatchArgs) {
            if (!a.startsWith("-") || !a.matches("[\\p{Graph} ]+")) {
                return "--sbatch-arg must be one sbatch option on one line, starting with '-' (e.g. --sbatch-arg=--qos=long), got '"
                        + printable(a) + "'";
            }
        }
        if (cpusPerTask < 1) {
            return "--cpus-per-task must be 1 or more, got " + cpusPerTask;
        }
        if (maxRunning < 0) {
            return "--max-running must be 0 (no limit) or more, got " + maxRunning;
        }
        if (!(pollSeconds > 0)) {
            return "--poll-seconds must be more than 0";
        }
        return null;
    }

    private static String printable(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    SlurmOptions options() {
        return new SlurmOptions(partition, time, mem, gres, account, maxRunning, cpusPerTask, List.copyOf(sbatchArgs), slurmConf, pollSeconds);
    }
}
