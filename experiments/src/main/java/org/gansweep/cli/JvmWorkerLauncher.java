package org.gansweep.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gansweep.core.numerics.CodePaths;
import org.gansweep.core.sweep.WorkerLauncher;

/** Starts {@code gansweep trial DIR} in a new JVM with this JVM's class path and settings. */
final class JvmWorkerLauncher implements WorkerLauncher {
    /**
     * This JVM's java, found again by path: after a JDK package upgrade during a long sweep, the running
     * binary reads as "/usr/lib/jvm/.../java (deleted)", while the path itself holds the new one.
     */
    static String javaExecutable() {
        Optional<String> running = ProcessHandle.current().info().command()
                .filter(c -> !c.endsWith(" (deleted)") && Files.isExecutable(Path.of(c)));
        return running.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The java command line up to gansweep's main class, with this JVM's settings: a worker's, or a Slurm task's
     * ({@code withThreads} false: the task sets its thread count from {@code --cpus-per-task}).
     */
    static List<String> javaCommand(boolean withThreads) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Settings (-D, -X) carry over; agents and debuggers do not.
            if ((arg.startsWith("-D") || arg.startsWith("-X")) && (withThreads || !arg.startsWith("-Dai.djl.pytorch.num_threads="))) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }

    @Override
    public Process start(Path trialDir) throws IOException {
        List<String> cmd = javaCommand(true);
        cmd.add("trial");
        cmd.add("--sweep-pipe");
        cmd.add(trialDir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putIfAbsent("DJL_OFFLINE", "true");
        // This JVM chose its code paths natively (Numerics), which Java's copy of the environment does not
        // show: hand the values the libraries see to the worker, which computes on the same paths.
        pb.environment().putAll(CodePaths.forChildren());
        return pb.start();
    }
}
