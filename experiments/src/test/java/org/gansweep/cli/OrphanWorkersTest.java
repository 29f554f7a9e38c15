package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.sweep.SweepProgress;
import org.gansweep.core.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23: a sweep killed with SIGKILL leaves no worker running or writing into its experiment. */
class OrphanWorkersTest {
    @TempDir
    Path tmp;

    /** Two trials that would each train for minutes. */
    private static final String LONG = Tiny.RING.replace("name: tiny", "name: long")
            .replace("steps: 30, batchSize: 32, evalEvery: 10, evalSamples: 200, logEvery: 5",
                    "steps: 1000000, batchSize: 32, evalEvery: 500000, evalSamples: 200, logEvery: 100");

    /** A sweep of two long trials killed with SIGKILL once both workers train, and those workers. */
    private record Killed(Path grid, Path exp, List<ProcessHandle> workers, long killedAt) {}

    private Killed startAndKill(String name) throws Exception {
        Path grid = Tiny.write(tmp, name + ".yaml", LONG.replace("name: long", "name: " + name));
        Path exp = tmp.resolve("runs").resolve(name);
        List<String> cmd = JvmWorkerLauncher.javaCommand(true);
        cmd.addAll(List.of("run", grid.toString(), "--out", tmp.resolve("runs").toString(), "--workers", "2"));
        Path log = tmp.resolve(name + ".log");
        Process sweep = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (workersTraining(exp) < 2) {
                assertTrue(System.nanoTime() < deadline && sweep.isAlive(), "the workers never started: " + Files.readString(log));
                Thread.sleep(200);
            }
            // The workers, as their trial locks name them: children of the sweep, each naming the sweep.
            List<ProcessHandle> workers = new ArrayList<>();
            for (Path l : list(exp.resolve(TrialLock.LOCKS))) {
                String holder = Files.readString(l);
                assertTrue(holder.contains("worker of sweep pid " + sweep.pid()), holder);
                workers.add(ProcessHandle.of(Long.parseLong(holder.split(" ")[1])).orElseThrow());
            }
            assertEquals(2, workers.size(), "workers: " + workers);
            assertTrue(workers.stream().allMatch(w -> w.parent().map(ProcessHandle::pid).orElse(0L) == sweep.pid()), "not the sweep's workers");
            sweep.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tell anyone
            sweep.waitFor();
            return new Killed(grid, exp, workers, System.nanoTime());
        } finally {
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly();
        }
    }

    @Test
    void workersStopWithoutAResultTheMomentTheirSweepIsKilled() throws Exception {
        Killed k = startAndKill("killed");
        while (!k.workers().stream().allMatch(OrphanWorkersTest::ended) && System.nanoTime() - k.killedAt() < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - k.killedAt()) / 1e9;
        assertTrue(seconds < 2, "the workers took " + seconds + " s to stop");
        Map<Path, String> after = modificationTimes(k.exp().resolve("trials"));
        Thread.sleep(1000);
        assertEquals(after, modificationTimes(k.exp().resolve("trials")), "something wrote into the experiment after the workers stopped");
        for (Path trial : list(k.exp().resolve("trials"))) {
            assertFalse(Files.exists(trial.resolve("summary.json")), "an orphan wrote a result into " + trial);
            assertFalse(TrialLock.heldElsewhere(trial), "the lock of " + trial + " is still held");
        }
    }

    @Test
    void aRerunStartedAtOnceTakesEveryTrialOverAndRacesNoOrphan() throws Exception {
        Killed k = startAndKill("rerun");
        // At once, while the orphans may still hold their locks: the rerun's first step sorts the trials.
        ExperimentGrid grid = Tiny.loader().load(k.grid(), List.of());
        SweepRunner.Prepared prepared;
        try (ExperimentStore store = ExperimentStore.open(k.exp())) {
            prepared = SweepRunner.prepare(store, grid, new SweepProgress() {});
        }
        assertEquals(List.of(), prepared.busy().stream().map(t -> t.id()).toList(), "a trial was left to an orphan");
        assertEquals(2, prepared.pending().size());
        assertTrue(k.workers().stream().allMatch(OrphanWorkersTest::ended), "an orphan still runs beside the rerun");
    }

    /** A stand-in for an orphan: holds a trial's lock as a worker of a sweep that is gone, then ends. */
    private static final String SLOW_ORPHAN = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class SlowOrphan {
                public static void main(String[] a) throws Exception {
                    FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    ch.lock();
                    ch.truncate(0);
                    ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + a[1] + ", worker of sweep pid " + a[2] + "\\n").getBytes()));
                    System.out.println("locked");
                    System.out.flush();
                    Thread.sleep(Long.parseLong(a[3]));
                }
            }
            """;

    @Test
    void aRerunWaitsForAnOrphanThatIsSlowToStopAndThenTakesItsTrial() throws Exception {
        Path gridFile = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        ExperimentGrid grid = Tiny.loader().load(gridFile, List.of());
        Path exp = tmp.resolve("runs").resolve(grid.name());
        String trialId = grid.trials().get(0).id();
        Path lock = Files.createDirectories(exp.resolve(TrialLock.LOCKS)).resolve(trialId + ".lock");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path source = Tiny.write(tmp, "SlowOrphan.java", SLOW_ORPHAN);
        Process orphan = new ProcessBuilder(JvmWorkerLauncher.javaExecutable(), source.toString(), lock.toString(),
                java.net.InetAddress.getLocalHost().getHostName(),
                Long.toString(gone.pid()), "2000").redirectErrorStream(true).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(orphan.getInputStream())).readLine());
            Path trialDir = exp.resolve("trials").resolve(trialId);
            assertTrue(TrialLock.heldElsewhere(trialDir) && TrialLock.orphanHolder(trialDir).isPresent(), TrialLock.describeHolder(trialDir));
            SweepRunner.Prepared prepared;
            try (ExperimentStore store = ExperimentStore.open(exp)) {
                prepared = SweepRunner.prepare(store, grid, new SweepProgress() {});
            }
            assertFalse(orphan.isAlive(), "the rerun went on while the orphan held its trial");
            assertEquals(List.of(), prepared.busy(), "the trial was left to an orphan");
            assertEquals(grid.trials().size(), prepared.pending().size());
        } finally {
            orphan.destroyForcibly();
        }
    }

    /**
     * Whether a process has ended: gone, or a zombie its new parent has not reaped yet (some containers' init reaps
     * only every few seconds; a zombie runs nothing and holds no lock).
     */
    private static boolean ended(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** Trials whose worker has taken its lock and logged a step. */
    private static long workersTraining(Path exp) throws Exception {
        if (!Files.isDirectory(exp.resolve("trials"))) {
            return 0;
        }
        return list(exp.resolve("trials")).stream().filter(t -> Files.exists(t.resolve("metrics.csv"))).count();
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Map<Path, String> modificationTimes(Path dir) throws Exception {
        Map<Path, String> times = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                times.put(p, Files.getLastModifiedTime(p) + " " + Files.size(p) + " bytes");
            }
        }
        return times;
    }
}
