package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.cli.slurm.SlurmCommands;
import org.gansweep.core.config.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep through a real single-node Slurm cluster (scripts/local-slurm.sh): submitted detached, one task cancelled
 * mid-way, followed to the end (the cancelled trial recorded failed with the reason), run again (only that trial
 * is submitted), and compared byte for byte with the same sweep run locally. Skipped where Slurm cannot run.
 */
class SlurmSweepTest {
    private static final String GRID = """
            name: slurm-ring
            description: a short ring sweep through Slurm
            seeds: [1]
            base:
              dataset: {type: gaussian-ring, modes: 8, radius: 2.0, std: 0.02}
              model:
                type: mlp
                noiseDim: 16
                generator: {hidden: [64, 64]}
                discriminator: {hidden: [64]}
              optimizer: {type: adam, lr: 0.001}
              training: {steps: 3000, batchSize: 128, evalEvery: 1000, evalSamples: 500, logEvery: 10}
              metrics: [mode-coverage]
            axes:
              loss: [gan, lsgan-pearson, lsgan-binary]
            """;

    @Test
    void sweepThroughSlurmRetriesACancelledTaskAndMatchesALocalRun(@TempDir Path tmp) throws Exception {
        Path script = Path.of("..", "scripts", "local-slurm.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/slurmctld")) && Files.isExecutable(Path.of("/usr/sbin/munged"))
                && SlurmCommands.available(), "Slurm is not installed (Debian: apt-get install slurmctld slurmd slurm-client munge)");
        // A short folder name: munge's socket path must fit in 108 bytes.
        Path cluster = Files.createTempDirectory(Path.of("/tmp"), "gs-slurm-");
        Process start = new ProcessBuilder(script.toString(), "start", cluster.toString()).redirectErrorStream(true).start();
        String started = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(start.waitFor() == 0, "a local Slurm cluster cannot start here (not root?): " + started);
        try {
            runThrough(tmp, cluster.resolve("slurm.conf"));
            aTaskThatCanNeverStartIsCancelledAndNamed(tmp, cluster.resolve("slurm.conf"));
            sequentialSeedsTakeTheSameLooksThroughSlurm(tmp, cluster.resolve("slurm.conf"));
        } finally {
            new ProcessBuilder(script.toString(), "stop", cluster.toString()).redirectErrorStream(true).start().waitFor();
            // The cluster's folder is this test's own: remove it once its daemons are gone.
            try (Stream<Path> all = Files.walk(cluster)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void runThrough(Path tmp, Path conf) throws Exception {
        Path grid = Tiny.write(tmp, "grid.yaml", GRID);
        Path out = tmp.resolve("slurm");
        String[] slurm = {"run", grid.toString(), "--out", out.toString(), "--executor", "slurm", "--slurm-conf", conf.toString(),
            "--poll-seconds", "0.5", "--max-running", "2"};

        Tiny.Result submitted = Tiny.cli(concat(slurm, "--detach"));
        assertEquals(0, submitted.code(), submitted.err());
        assertTrue(submitted.err().contains("detached"), submitted.err());
        Path experiment = out.resolve("slurm-ring");
        JsonNode job = Yaml.json().readTree(experiment.resolve("slurm/job.json").toFile());
        String jobId = job.get("jobId").asText();
        assertEquals(3, job.get("trials").size());

        // Cancel the last task once it has trained a little (its metrics.csv has rows) and before it finishes.
        int victimTask = 2;
        String victim = job.get("trials").get(victimTask).asText();
        Path victimDir = experiment.resolve("trials").resolve(victim);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (rows(victimDir.resolve("metrics.csv")) < 3 && System.nanoTime() < deadline) {
            assertFalse(Files.exists(victimDir.resolve("summary.json")), "the trial finished before it could be cancelled");
            Thread.sleep(20);
        }
        assertTrue(rows(victimDir.resolve("metrics.csv")) >= 3, "the task never started training");
        new SlurmCommands(conf).cancel(jobId, victimTask);

        Tiny.Result followed = Tiny.cli(slurm);
        assertEquals(1, followed.code(), followed.err());
        assertTrue(followed.err().contains("following it, not submitting again"), followed.err());
        JsonNode failed = Yaml.json().readTree(victimDir.resolve("summary.json").toFile());
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("error").asText().contains("was cancelled"), failed.get("error").asText());

        Tiny.Result retried = Tiny.cli(slurm);
        assertEquals(0, retried.code(), retried.err());
        assertTrue(retried.out().contains("1 run now, 2 already finished"), retried.out());
        JsonNode second = Yaml.json().readTree(experiment.resolve("slurm/job.json").toFile());
        assertEquals(List.of(victim), List.of(second.get("trials").get(0).asText()));
        assertEquals(1, second.get("trials").size());
        // The follower rebuilt the report as tasks ended; its end made it final.
        assertTrue(Files.readString(experiment.resolve("report/index.html")).contains("content=\"final\""));

        Path local = tmp.resolve("local");
        Tiny.Result localRun = Tiny.cli("run", grid.toString(), "--out", local.toString(), "--workers", "1");
        assertEquals(0, localRun.code(), localRun.err());
        List<Path> compared = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        try (Stream<Path> trials = Files.list(experiment.resolve("trials"))) {
            for (Path t : trials.toList()) {
                Path twin = local.resolve("slurm-ring/trials").resolve(t.getFileName());
                for (Path f : resultFiles(t)) {
                    Path other = twin.resolve(t.relativize(f).toString());
                    if (!java.util.Arrays.equals(Files.readAllBytes(other), Files.readAllBytes(f))) {
                        keep(t, twin); // the temporary folder goes with the test: keep both trials to read
                        differ.add(t.relativize(f) + " of " + t.getFileName() + (t.getFileName().toString().equals(victim) ? " (the retried trial)" : ""));
                    }
                    compared.add(f);
                }
                JsonNode provenance = Yaml.json().readTree(t.resolve("summary.json").toFile()).get("provenance");
                assertNotNull(provenance.get("slurm_job_id"), t + " has no Slurm job id in its provenance");
                assertEquals(t.getFileName().toString().equals(victim) ? second.get("jobId").asText() : jobId,
                        provenance.get("slurm_job_id").asText());
                assertNotNull(provenance.get("host"));
            }
        }
        assertEquals(List.of(), differ, "differ from the local run (both trials kept under target/slurm-mismatch/)");
        assertTrue(compared.size() >= 6, "compared " + compared);
    }

    /** Issue 26: the rounds of a sequential sweep go through the Slurm executor and give the looks a local sweep gives. */
    private void sequentialSeedsTakeTheSameLooksThroughSlurm(Path tmp, Path conf) throws Exception {
        Path grid = Tiny.write(tmp, "seq.yaml", SequentialSweepTest.GRID);
        Tiny.Result slurm = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("seq-slurm").toString(), "--executor", "slurm",
                "--slurm-conf", conf.toString(), "--poll-seconds", "0.5");
        assertEquals(0, slurm.code(), slurm.err());
        assertTrue(slurm.err().contains("round 2 of at most 2"), slurm.err());
        Tiny.Result local = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("seq-local").toString(), "--workers", "2");
        assertEquals(0, local.code(), local.err());
        assertEquals(Files.readString(tmp.resolve("seq-local/seq/looks.json")), Files.readString(tmp.resolve("seq-slurm/seq/looks.json")));
    }

    /** Issue 23: more CPUs per task than the node has leaves tasks pending with PartitionConfig, which never clears. */
    private void aTaskThatCanNeverStartIsCancelledAndNamed(Path tmp, Path conf) throws Exception {
        Path grid = Tiny.write(tmp, "stuck.yaml", Tiny.RING.replace("name: tiny", "name: stuck"));
        Path out = tmp.resolve("stuck");
        long start = System.nanoTime();
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--executor", "slurm", "--slurm-conf", conf.toString(),
                "--poll-seconds", "0.5", "--cpus-per-task", "4096");
        assertTrue((System.nanoTime() - start) / 1e9 < 60, "followed a job that can never start for a minute");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("pending (PartitionConfig)"), r.err());
        assertTrue(r.err().contains("can never start") && r.err().contains("lower --cpus-per-task"), r.err());
        String jobId = Yaml.json().readTree(out.resolve("stuck/slurm/job.json").toFile()).get("jobId").asText();
        assertTrue(new SlurmCommands(conf).activeTasks(jobId).isEmpty(), "the tasks that cannot start were left queued");
        try (Stream<Path> trials = Files.list(out.resolve("stuck/trials"))) {
            for (Path t : trials.toList()) {
                JsonNode s = Yaml.json().readTree(t.resolve("summary.json").toFile());
                assertEquals("failed", s.get("status").asText());
                assertTrue(s.get("error").asText().contains("reason PartitionConfig"), s.get("error").asText());
            }
        }
    }

    private static void keep(Path slurmTrial, Path localTrial) throws IOException {
        Path dest = Path.of("target", "slurm-mismatch");
        for (Path from : List.of(slurmTrial, localTrial)) {
            Path to = dest.resolve(from == slurmTrial ? "slurm" : "local").resolve(from.getFileName().toString());
            try (Stream<Path> all = Files.walk(from)) {
                for (Path f : all.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static List<Path> resultFiles(Path trial) throws IOException {
        List<Path> files = new ArrayList<>(List.of(trial.resolve("metrics.csv")));
        try (Stream<Path> s = Files.walk(trial.resolve("samples"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    private static long rows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
