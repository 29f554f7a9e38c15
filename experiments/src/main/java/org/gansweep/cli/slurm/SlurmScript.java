package org.gansweep.cli.slurm;

import java.nio.file.Path;
import java.util.List;
import org.gansweep.core.numerics.CodePaths;

/** The batch script of a sweep's job array, and the words for how a task ended. */
final class SlurmScript {
    private SlurmScript() {}

    /**
     * A bash script whose {@code #SBATCH} lines are the options; task i reads line i+1 of {@code tasks} (a trial
     * folder) and trains it. Threads come from {@code --cpus-per-task}; the code-path pins are those of this
     * machine's sweeps, so a task computes the same numbers as a local run with as many threads.
     */
    static String text(List<String> sbatchOptions, Path tasks, List<String> javaCommand) {
        StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n");
        sb.append("# Written by `gansweep run --executor slurm`: one array task per unfinished trial.\n");
        for (String o : sbatchOptions) {
            sb.append("#SBATCH ").append(o).append('\n');
        }
        sb.append("set -euo pipefail\n");
        sb.append("trial=\"$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" ").append(quote(tasks.toString())).append(")\"\n");
        sb.append("threads=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
        sb.append("export DJL_OFFLINE=true OMP_NUM_THREADS=\"$threads\"");
        // The code paths this sweep verified and computes with: each task checks them again on its node.
        CodePaths.forChildren().forEach((k, v) -> sb.append(' ').append(k).append('=').append(quote(v)));
        sb.append('\n');
        sb.append("export GLIBC_TUNABLES=\"${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456}\"\n");
        sb.append("echo \"gansweep: task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname) trains $trial with $threads thread(s)\"\n");
        sb.append("exec");
        for (int i = 0; i < javaCommand.size(); i++) {
            String a = javaCommand.get(i);
            sb.append(' ').append(quote(a));
            if (i == 0) {
                sb.append(" -Dai.djl.pytorch.num_threads=\"$threads\"");
            }
        }
        sb.append(" trial --clear-earlier-attempt \"$trial\"\n");
        return sb.toString();
    }

    /** Why a task ended, in words a researcher can act on. */
    static String explain(SlurmCommands.TaskEnd end) {
        if (end == null) {
            return "Slurm no longer lists the task (cancelled before it started, or ended longer ago than the cluster's"
                    + " MinJobAge)";
        }
        String detail = " (state " + end.state() + ", reason " + end.reason() + ", exit " + end.exitCode() + ")";
        return switch (end.state()) {
            case "CANCELLED" -> "was cancelled (scancel, or pre-empted)" + detail;
            case "TIMEOUT" -> "ran out of time: ask for more with --time" + detail;
            case "OUT_OF_MEMORY" -> "ran out of memory: ask for more with --mem" + detail;
            case "PREEMPTED" -> "was pre-empted by a higher-priority job" + detail;
            case "NODE_FAIL", "BOOT_FAIL" -> "lost its node" + detail;
            case "COMPLETED", "FAILED" -> "exited without writing a summary" + detail;
            default -> "ended" + detail;
        };
    }

    /** Single-quoted for bash. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
