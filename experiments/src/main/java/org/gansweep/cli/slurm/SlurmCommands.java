package org.gansweep.cli.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Slurm client commands gansweep uses: {@code sbatch} to submit, {@code squeue} to watch, {@code scontrol} to
 * read how a finished task ended. Not {@code sacct}: it needs accounting, which many clusters lack. With a
 * {@code conf} file, every command gets {@code SLURM_CONF} (the local test cluster); otherwise the cluster's own.
 */
public final class SlurmCommands {
    private final Path conf;

    public SlurmCommands(Path conf) {
        this.conf = conf;
    }

    /** A Slurm command failed or is missing; the message says which and what it printed. */
    public static final class SlurmException extends IOException {
        SlurmException(String message) {
            super(message);
        }
    }

    /** How a task ended, as {@code scontrol show job} tells it (state e.g. CANCELLED, TIMEOUT, OUT_OF_MEMORY). */
    public record TaskEnd(String state, String reason, String exitCode) {}

    /** Whether the client commands are on the PATH. */
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sbatch"))) {
                return true;
            }
        }
        return false;
    }

    /** Submits a batch script; returns the job id. */
    public String submit(Path script) throws IOException, InterruptedException {
        String out = run(60, "sbatch", "--parsable", script.toString()).trim();
        // --parsable prints "JOBID" or "JOBID;CLUSTER".
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("\\d+")) {
            throw new SlurmException("sbatch printed '" + out + "' where a job id was expected");
        }
        return id;
    }

    /** An array task Slurm still lists: its state (PENDING, RUNNING...) and, while pending, why. */
    public record ActiveTask(String state, PendingReason reason) {
        public boolean pending() {
            return "PENDING".equals(state);
        }
    }

    /** The job array's tasks Slurm still lists as waiting or running, by array task id. */
    public Map<Integer, ActiveTask> activeTasks(String jobId) throws IOException, InterruptedException {
        Map<Integer, ActiveTask> tasks = new LinkedHashMap<>();
        // -r lists every array task on its own line; a finished job may be unknown to squeue (exit 1): none active.
        String out;
        try {
            out = run(60, "squeue", "-h", "-r", "-j", jobId, "-o", "%K %T %r");
        } catch (SlurmException e) {
            if (e.getMessage().contains("Invalid job id")) {
                return tasks;
            }
            throw e;
        }
        return parseActive(out);
    }

    /** squeue's {@code %K %T %r} lines; the reason is the rest of the line (some hold commas and node lists). */
    static Map<Integer, ActiveTask> parseActive(String squeueOutput) {
        Map<Integer, ActiveTask> tasks = new LinkedHashMap<>();
        for (String line : squeueOutput.split("\n")) {
            String[] f = line.trim().split("\\s+", 3);
            if (f.length >= 2 && f[0].matches("\\d+") && !isFinal(f[1])) {
                tasks.put(Integer.parseInt(f[0]), new ActiveTask(f[1], new PendingReason(f.length == 3 ? f[2] : null)));
            }
        }
        return tasks;
    }

    /** How one array task ended; null when Slurm no longer knows it (see MinJobAge). */
    public TaskEnd taskEnd(String jobId, int task) throws InterruptedException {
        String out;
        try {
            out = run(60, "scontrol", "show", "job", "-o", jobId + "_" + task);
        } catch (IOException e) {
            return null;
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String token : out.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                f.putIfAbsent(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return f.containsKey("JobState") ? new TaskEnd(f.get("JobState"), f.getOrDefault("Reason", "None"), f.getOrDefault("ExitCode", "?")) : null;
    }

    /** Cancels one task (tests, and users who want to stop a trial). */
    public void cancel(String jobId, int task) throws IOException, InterruptedException {
        run(60, "scancel", jobId + "_" + task);
    }

    static boolean isFinal(String state) {
        return switch (state) {
            case "COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE" -> true;
            default -> false;
        };
    }

    /** Runs a client command with a real time limit: its output is read beside the wait, not before it. */
    String run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (conf != null) {
            pb.environment().put("SLURM_CONF", conf.toAbsolutePath().toString());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SlurmException("cannot run " + command[0] + " (" + e.getMessage() + "): is this a Slurm login node? The client"
                    + " commands (Debian: slurm-client) must be on the PATH");
        }
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // a wrapper script's children hold the pipe open
            p.destroyForcibly();
            throw new SlurmException(command[0] + " did not answer in " + timeoutSeconds + " s (is slurmctld up?); nothing"
                    + " was left waiting");
        }
        String text;
        try {
            text = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // exited, but a child it left keeps the pipe open
            text = "";
        }
        if (p.exitValue() != 0) {
            throw new SlurmException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + text.trim());
        }
        return text;
    }
}
