package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: {@code scripts/local-slurm.sh stop} signals a pid from its pid files only while that pid is still the
 * daemon it started from that folder. Stand-ins: copies of {@code sleep} named like the daemons, so no Slurm is needed.
 */
class LocalSlurmScriptTest {
    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endStandIns() {
        started.forEach(Process::destroyForcibly);
    }

    /** A copy of sleep named {@code name} in {@code binDir}: its command line names that folder, as a daemon's names its files. */
    private Process standIn(Path binDir, String name) throws Exception {
        Files.createDirectories(binDir);
        Path exe = binDir.resolve(name);
        if (!Files.exists(exe)) {
            Files.copy(Path.of("/bin/sleep"), exe);
        }
        Process p = new ProcessBuilder(exe.toString(), "300").start();
        started.add(p);
        return p;
    }

    private String stop(Path cluster) throws Exception {
        Path script = Path.of("..", "scripts", "local-slurm.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(script.toString(), "stop", cluster.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        return said;
    }

    @Test
    void aStalePidFileNeverKillsAnUnrelatedProcess() throws Exception {
        Path cluster = Files.createDirectories(tmp.resolve("cluster"));
        // The pids now belong to: a process of another name, and daemons of the same name started from elsewhere.
        Process unrelated = standIn(tmp.resolve("other"), "sleep");
        Process otherClusters = standIn(tmp.resolve("elsewhere"), "slurmd");
        Process otherMunge = standIn(tmp.resolve("elsewhere"), "munged");
        Files.writeString(cluster.resolve("slurmctld.pid"), unrelated.pid() + "\n");
        Files.writeString(cluster.resolve("slurmd.pid"), otherClusters.pid() + "\n");
        Files.writeString(cluster.resolve("munged.pid"), "not a pid; " + otherMunge.pid() + "\n");
        String said = stop(cluster);
        assertTrue(said.contains("stopped 0 daemon(s)"), said);
        assertTrue(unrelated.isAlive() && otherClusters.isAlive() && otherMunge.isAlive(), "an unrelated process was signalled");
        assertFalse(Files.exists(cluster.resolve("slurmd.pid")), "the stale pid file was kept");
    }

    @Test
    void theDaemonsItStartedFromTheFolderAreStopped() throws Exception {
        Path cluster = Files.createDirectories(tmp.resolve("cluster"));
        // Named as the folder was given another way (a relative path with a dot): still the same daemons.
        Process slurmd = standIn(cluster.resolve("bin"), "slurmd");
        Process munged = standIn(cluster.resolve("bin"), "munged");
        Files.writeString(cluster.resolve("slurmd.pid"), slurmd.pid() + "\n");
        Files.writeString(cluster.resolve("munged.pid"), munged.pid() + "\n");
        String said = stop(tmp.resolve(".").resolve("cluster"));
        assertTrue(said.contains("stopped 2 daemon(s)"), said);
        assertTrue(slurmd.waitFor(10, TimeUnit.SECONDS) && munged.waitFor(10, TimeUnit.SECONDS), "a daemon of the folder still runs");
    }
}
