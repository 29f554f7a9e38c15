package org.gansweep.core.store;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gansweep.core.numerics.CodePaths;
import org.gansweep.core.numerics.LocalLibtorch;
import org.gansweep.core.numerics.Numerics;
import org.gansweep.core.numerics.Numerics.Selection;
import org.gansweep.core.train.CpuInfo;
import org.gansweep.core.train.MklIntelPaths;

/** How a result was produced: code version, libraries, machine and settings. */
public final class Provenance {
    private static volatile String gitCommit;

    private Provenance() {}

    /** The provenance of a result this process computes now. */
    public static TrialProvenance collect(String configHash, long seed) {
        Engine engine = Engine.getInstance();
        Selection numerics = Numerics.current();
        // On a cluster: which Slurm job array task produced the result (absent elsewhere).
        Map<String, String> env = System.getenv();
        String job = env.get("SLURM_ARRAY_JOB_ID") != null ? env.get("SLURM_ARRAY_JOB_ID") : env.get("SLURM_JOB_ID");
        return new TrialProvenance(
                version(), gitCommit(), configHash, seed,
                Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion(), engine.defaultDevice().toString(),
                LocalLibtorch.loaded(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                System.getProperty("ai.djl.pytorch.num_interop_threads", "default"),
                // The kernels' instruction-set paths and the processor: numbers agree across machines only where these do.
                CodePaths.environment(),
                numerics != null ? numerics.provenance() : null,
                MklIntelPaths.state(),
                cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                host(),
                job,
                job != null ? env.getOrDefault("SLURM_ARRAY_TASK_ID", "none") : null,
                job != null ? env.getOrDefault("SLURM_CPUS_PER_TASK", "unset") : null,
                null, null,
                Instant.now().toString());
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
        Map<String, String> first = CpuInfo.here();
        if (first.isEmpty()) {
            return "unknown";
        }
        List<String> flags = List.of(first.getOrDefault("flags", "").split("\\s+"));
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
