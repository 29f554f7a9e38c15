package org.gansweep.cli.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sbatch settings of a sweep's job array, as given on the command line. Each becomes an {@code #SBATCH} line of
 * the generated script, so the script in {@code EXPERIMENT/slurm/} says exactly what was asked for.
 *
 * @param partition {@code --partition}, or null for the cluster's default
 * @param time {@code --time} per task, e.g. {@code 2:00:00}
 * @param mem {@code --mem} per task, e.g. {@code 8G}
 * @param gres {@code --gres}, e.g. {@code gpu:1}
 * @param account {@code --account}
 * @param maxRunning at most this many tasks at once (the array's {@code %N}); 0 = no limit
 * @param cpusPerTask {@code --cpus-per-task}; also the PyTorch threads of each task
 * @param extra further sbatch options, passed through as given (e.g. {@code --qos=long})
 * @param conf a {@code slurm.conf} to use instead of the cluster's own (the local test cluster)
 * @param pollSeconds how often a waiting {@code run} asks squeue
 */
public record SlurmOptions(String partition, String time, String mem, String gres, String account, int maxRunning,
        int cpusPerTask, List<String> extra, Path conf, double pollSeconds) {

    /** The {@code #SBATCH} options, in a fixed order. */
    List<String> sbatchOptions(String jobName, int tasks, Path logDir) {
        List<String> o = new ArrayList<>();
        o.add("--job-name=" + jobName);
        o.add("--array=0-" + (tasks - 1) + (maxRunning > 0 ? "%" + maxRunning : ""));
        o.add("--cpus-per-task=" + cpusPerTask);
        o.add("--ntasks=1");
        o.add("--output=" + logDir.resolve("%A_%a.log"));
        if (partition != null) {
            o.add("--partition=" + partition);
        }
        if (time != null) {
            o.add("--time=" + time);
        }
        if (mem != null) {
            o.add("--mem=" + mem);
        }
        if (gres != null) {
            o.add("--gres=" + gres);
        }
        if (account != null) {
            o.add("--account=" + account);
        }
        o.addAll(extra);
        return o;
    }
}
