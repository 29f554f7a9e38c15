package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.sweep.TrialRunner;
import org.gansweep.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trying to break sweeps: kills, interrupted trials, reruns, locked and unwritable folders. */
class FaultsTest {
    /** Three trials of about a second each, checkpointing every 200 steps. */
    static final String SLOW = """
            name: slow
            seeds: [1, 2, 3]
            base:
              dataset: {type: gaussian-ring, modes: 4, radius: 1.0, std: 0.05}
              model: {type: mlp, noiseDim: 16, generator: {hidden: [64, 64]}, discriminator: {hidden: [64]}}
              loss: lsgan-pearson
              optimizer: {type: adam, lr: 0.001}
              training: {steps: 1500, batchSize: 64, evalEvery: 500, evalSamples: 200, logEvery: 50, checkpointEvery: 200}
              metrics: [mode-coverage]
            """;

    @TempDir
    Path tmp;

    private static Map<String, String> csvs(Path experiment) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> s = Files.list(experiment.resolve("trials"))) {
            for (Path t : s.toList()) {
                out.put(t.getFileName().toString(), Files.readString(t.resolve("metrics.csv")));
            }
        }
        return out;
    }

    private static List<Path> finished(Path experiment) throws Exception {
        try (Stream<Path> s = Files.list(experiment.resolve("trials"))) {
            return s.map(t -> t.resolve("summary.json")).filter(Files::exists).toList();
        }
    }

    private Process sweepProcess(Path grid, Path out, String workers) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-D") || a.startsWith("-X")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", grid.toString(),
                "--out", out.toString(), "--workers", workers));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("sweep.log").toFile()).start();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void killedSweepLosesNothingAndTheRerunFinishesWithTheSameNumbers() throws Exception {
        Path grid = Tiny.write(tmp, "slow.yaml", SLOW);
        Path reference = tmp.resolve("reference");
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", reference.toString(), "--workers", "1").code());

        Path out = tmp.resolve("runs");
        Process sweep = sweepProcess(grid, out, "1");
        Path exp = out.resolve("slow");
        // Kill -9 once a trial has finished and the next one has a checkpoint: part-way through a trial.
        waitFor(() -> {
            try {
                return Files.exists(exp.resolve("trials")) && finished(exp).size() >= 1 && hasCheckpointInUnfinished(exp);
            } catch (Exception e) {
                return false;
            }
        }, "a finished trial and a checkpoint");
        sweep.destroyForcibly().waitFor();
        List<Path> done = finished(exp);
        Map<Path, FileTime> times = new HashMap<>();
        for (Path s : done) {
            times.put(s, Files.getLastModifiedTime(s));
        }
        assertTrue(done.size() < 3, "the sweep finished before it was killed");

        Tiny.Result again = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains((3 - done.size()) + " run now, " + done.size() + " already finished"), again.out());
        for (Path s : done) {
            assertEquals(times.get(s), Files.getLastModifiedTime(s), "a finished trial was rewritten");
        }
        // Resumed from a checkpoint or not, every trial has exactly the numbers of the uninterrupted sweep.
        assertEquals(csvs(reference.resolve("slow")), csvs(exp));
    }

    private static boolean hasCheckpointInUnfinished(Path exp) throws Exception {
        try (Stream<Path> s = Files.list(exp.resolve("trials"))) {
            return s.anyMatch(t -> !Files.exists(t.resolve("summary.json")) && Files.exists(t.resolve("checkpoint/state.json")));
        }
    }

    @Test
    void aKilledWorkerIsRecordedFailedAndRetriedByTheRerun() throws Exception {
        Path grid = Tiny.write(tmp, "slow.yaml", SLOW.replace("seeds: [1, 2, 3]", "seeds: [1, 2]"));
        Path out = tmp.resolve("runs");
        CompletableFuture<Tiny.Result> run = CompletableFuture.supplyAsync(() -> Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "2"));
        waitFor(() -> ProcessHandle.current().children().count() >= 1, "a worker process");
        ProcessHandle worker = ProcessHandle.current().children().findFirst().orElseThrow();
        Thread.sleep(300);
        worker.destroyForcibly();
        Tiny.Result first = run.get(120, TimeUnit.SECONDS);
        assertEquals(1, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("1 completed, 0 diverged, 1 failed"), first.out());
        Tiny.Result second = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "2");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("1 run now, 1 already finished: 2 completed"), second.out());
    }

    @Test
    void anInterruptedTrialResumesFromItsCheckpointWithIdenticalResults() throws Exception {
        Trial t = Tiny.loader().parse(SLOW, "slow.yaml", List.of("training.steps=600")).trials().get(0);
        TrialRunner runner = new TrialRunner(Main.injector().getInstance(PluginCatalog.class));
        Path whole = Files.createDirectories(tmp.resolve("whole"));
        assertEquals("completed", runner.run(t, whole, new TrainingListener() {}).status().name());

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Summary crashed = runner.run(t, broken, new TrainingListener() {
            @Override
            public void onStep(int step) {
                if (step == 450) {
                    throw new IllegalStateException("simulated crash at step 450");
                }
            }
        });
        assertEquals("failed", crashed.status().name());
        assertTrue(Files.exists(broken.resolve("checkpoint/state.json")));
        Summary resumed = runner.run(t, broken, new TrainingListener() {});
        assertEquals("completed", resumed.status().name());
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(broken.resolve("metrics.csv")));
        assertEquals(Files.readString(whole.resolve("samples/step_000600.csv")), Files.readString(broken.resolve("samples/step_000600.csv")));
        assertEquals(runner.run(t, Files.createDirectories(tmp.resolve("third")), new TrainingListener() {}).metrics(), resumed.metrics());
    }

    @Test
    void reproduceRerunsATrialAndComparesEveryMetric() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Path out = tmp.resolve("runs");
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1").code());
        Path trial;
        try (Stream<Path> s = Files.list(out.resolve("tiny/trials"))) {
            trial = s.sorted().findFirst().orElseThrow();
        }
        Tiny.Result ok = Tiny.cli("reproduce", trial.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("reproduced: every metric matches"), ok.out());
        assertTrue(ok.out().contains("metrics.csv identical"), ok.out());

        // Tamper with a stored number: reproduce must notice.
        Path summary = trial.resolve("summary.json");
        String json = Files.readString(summary);
        Files.writeString(summary, json.replaceFirst("\"modes_covered\" : [0-9.]+", "\"modes_covered\" : 99.0"));
        Tiny.Result bad = Tiny.cli("reproduce", trial.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("modes_covered") && bad.out().contains("<- differs"), bad.out());
    }

    /** A full disk, as a 256 KB tmpfs (needs root; skipped where mounting is not allowed). */
    @Test
    void aFullDiskIsAClearErrorThatKeepsFinishedWork() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here");
        try {
            String grid = Tiny.RING.replace("seeds: [1]", "seeds: [1, 2, 3]").replace("evalSamples: 200", "evalSamples: 2000");
            Tiny.Result r = Tiny.cli("run", Tiny.write(tmp, "tiny.yaml", grid).toString(), "--out", disk.toString(), "--workers", "1");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("No space left on device") && r.err().contains("Finished trials are kept"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }

    @Test
    void anUnusableOutputFolderIsAClearErrorAndRunsNothing() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", file.resolve("runs").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("gansweep: cannot create " + file.resolve("runs")), r.err());
        assertTrue(r.err().contains("choose another --out folder"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
