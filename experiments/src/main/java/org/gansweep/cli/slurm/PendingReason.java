package org.gansweep.cli.slurm;

import java.util.Map;

/**
 * Why Slurm keeps a task pending, as {@code squeue %r} names it, and whether waiting can ever change it. The codes are
 * those of squeue(1), "JOB REASON CODES". Most clear by themselves (Resources, Priority, a node coming back, a
 * running-jobs limit as other jobs end); those below are about the job itself against the cluster's configuration,
 * so the task would wait forever: the follower cancels such tasks (gansweep submitted them), records their trials
 * as failed with the reason, and says which option to change.
 */
public record PendingReason(String code) {
    /** Reasons that no amount of waiting clears, with what to change. */
    private static final Map<String, String> NEVER_CLEAR = Map.ofEntries(
            Map.entry("PartitionConfig", "the task asks for more than the partition offers (CPUs, memory or GPUs per node):"
                    + " lower --cpus-per-task, --mem or --gres, or choose another --partition"),
            Map.entry("PartitionNodeLimit", "the task needs more nodes than the partition allows: choose another --partition"),
            Map.entry("PartitionTimeLimit", "--time is longer than the partition's limit: shorten --time or choose another --partition"),
            Map.entry("BadConstraints", "no node has the requested features: check the --sbatch-arg constraints"),
            Map.entry("InvalidAccount", "the account is not valid here: check --account"),
            Map.entry("InvalidQOS", "the QOS is not valid here: check the --sbatch-arg --qos"),
            Map.entry("DependencyNeverSatisfied", "a dependency of the job can never be met"),
            Map.entry("QOSMaxWallDurationPerJobLimit", "--time is longer than the QOS allows: shorten --time"),
            Map.entry("AssocMaxWallDurationPerJobLimit", "--time is longer than the account allows: shorten --time"),
            Map.entry("QOSMaxCpuPerJobLimit", "--cpus-per-task is more than the QOS allows one job: lower it"),
            Map.entry("AssocMaxCpuPerJobLimit", "--cpus-per-task is more than the account allows one job: lower it"),
            Map.entry("QOSMaxMemoryPerJob", "--mem is more than the QOS allows one job: lower it"),
            Map.entry("QOSMinCpuNotSatisfied", "the task asks for fewer CPUs than the QOS requires"));

    public PendingReason {
        code = code == null || code.isBlank() ? "None" : code.trim();
    }

    /** Whether the task can never start as submitted. */
    public boolean cannotClear() {
        return NEVER_CLEAR.containsKey(code);
    }

    /** The reason with what it means, where gansweep knows. */
    public String explained() {
        String advice = NEVER_CLEAR.get(code);
        return advice == null ? code : code + ": " + advice;
    }
}
