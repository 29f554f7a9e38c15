package org.gansweep.cli.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code run}'s options for {@code --executor slurm}, as a picocli mixin: sbatch settings and {@code --detach}. */
public final class SlurmArgs {
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

    /** The Slurm-only options given on this command line (every option of this mixin but the hidden ones). */
    public static List<String> given(picocli.CommandLine.ParseResult parsed) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("--detach", "--partition", "--time", "--mem", "--gres", "--account", "--max-running",
                "--cpus-per-task", "--sbatch-arg")) {
            if (parsed.hasMatchedOption(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** What is wrong with the values, or null. */
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

    public SlurmOptions options() {
        return new SlurmOptions(partition, time, mem, gres, account, maxRunning, cpusPerTask, List.copyOf(sbatchArgs), slurmConf, pollSeconds);
    }
}
