package org.gansweep.core.store;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How a result was produced: code version, libraries, machine and settings. */
public final class Provenance {
    private static volatile String gitCommit;

    private Provenance() {}

    public static Map<String, Object> collect(String configHash, long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gansweep_version", version());
        p.put("git_commit", gitCommit());
        p.put("config_hash", configHash);
        p.put("seed", seed);
        p.put("djl_version", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        p.put("engine", engine.getEngineName());
        p.put("engine_version", engine.getVersion());
        p.put("device", engine.defaultDevice().toString());
        p.put("libtorch", org.gansweep.core.numerics.LocalLibtorch.loaded());
        p.put("intra_op_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        p.put("interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        // The kernels' instruction-set paths and the processor: numbers agree across machines only where these do.
        p.put("cpu_code_paths", org.gansweep.core.numerics.CodePaths.environment());
        var numerics = org.gansweep.core.numerics.Numerics.current();
        if (numerics != null) {
            p.put("numerics", numerics.provenance());
        }
        p.put("mkl_intel_paths", org.gansweep.core.train.MklIntelPaths.state());
        p.put("cpu_model", cpuModel());
        p.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("cpus", Runtime.getRuntime().availableProcessors());
        p.put("host", host());
        // On a cluster: which Slurm job array task produced the result (absent elsewhere).
        String job = System.getenv("SLURM_ARRAY_JOB_ID") != null ? System.getenv("SLURM_ARRAY_JOB_ID") : System.getenv("SLURM_JOB_ID");
        if (job != null) {
            p.put("slurm_job_id", job);
            p.put("slurm_array_task_id", System.getenv().getOrDefault("SLURM_ARRAY_TASK_ID", "none"));
            p.put("slurm_cpus_per_task", System.getenv().getOrDefault("SLURM_CPUS_PER_TASK", "unset"));
        }
        p.put("finished_at", Instant.now().toString());
        return p;
    }

    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : System.getProperty("gansweep.version", "dev");
    }

    /** The commit of the gansweep checkout ({@code gansweep.home}), with "-dirty" for local changes. */
    public static String gitCommit() {
        if (gitCommit == null) {
            String home = System.getProperty("gansweep.home", ".");
            String out = run(home, "git", "describe", "--always", "--dirty", "--abbrev=40");
            gitCommit = out == null || out.isBlank() ? "unknown" : out.trim();
        }
        return gitCommit;
    }

    /** The processor's model name and its widest vector extension, from /proc/cpuinfo ("unknown" elsewhere). */
    static String cpuModel() {
        Map<String, String> first = org.gansweep.core.train.CpuInfo.here();
        if (first.isEmpty()) {
            return "unknown";
        }
        java.util.List<String> flags = java.util.List.of(first.getOrDefault("flags", "").split("\\s+"));
        String widest = flags.contains("avx512f") ? "avx512" : flags.contains("avx2") ? "avx2" : "no avx2";
        return first.getOrDefault("model name", "unknown") + " (" + widest + ")";
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String run(String dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(Path.of(dir).toFile()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
