package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.core.config.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on tiny grids. */
class CliTest {
    @TempDir
    Path tmp;

    private static List<Path> summaries(Path experiment) throws Exception {
        try (Stream<Path> s = Files.list(experiment.resolve("trials"))) {
            return s.map(t -> t.resolve("summary.json")).filter(Files::exists).sorted().toList();
        }
    }

    @Test
    void runWritesTrialsAndReportThenResumesWithoutRerunning() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 trials, 2 run now, 0 already finished: 2 completed"), r.out());
        Path exp = out.resolve("tiny");
        assertEquals(Tiny.RING, Files.readString(exp.resolve("grid.yaml")));
        List<Path> done = summaries(exp);
        assertEquals(2, done.size());
        for (Path s : done) {
            JsonNode j = Yaml.json().readTree(s.toFile());
            assertEquals("completed", j.get("status").asText());
            assertEquals(30, j.get("steps").asInt());
            for (String m : List.of("modes_covered", "high_quality_fraction", "kl_divergence", "d_loss", "g_loss")) {
                assertTrue(j.get("metrics").has(m), m + " missing in " + s);
            }
            for (String p : List.of("gansweep_version", "git_commit", "djl_version", "engine_version", "java", "os", "config_hash", "seed")) {
                assertTrue(j.get("provenance").has(p), p + " missing in provenance");
            }
            Path trial = s.getParent();
            assertTrue(Files.exists(trial.resolve("config.yaml")));
            assertTrue(Files.readString(trial.resolve("config.yaml")).contains("batchSize: 32"));
            assertTrue(Files.exists(trial.resolve("metrics.csv")));
            assertTrue(Files.exists(trial.resolve("samples/step_000030.csv")));
            // Figure 1's numbers at each evaluation: D over a 48 x 48 grid, then G's samples with their pull.
            List<String> decision = Files.readAllLines(trial.resolve("samples/decision_step_000030.csv"));
            assertEquals("kind,x,y,d,grad_x,grad_y", decision.get(0));
            assertEquals(48 * 48 + 200, decision.size() - 1);
        }
        Path report = exp.resolve("report");
        String html = Files.readString(report.resolve("index.html"));
        for (String f : List.of("density", "decision-boundary", "loss-curves", "loss-functions", "metric-curves")) {
            assertTrue(Files.size(report.resolve("figures/" + f + ".png")) > 1000, f);
            assertTrue(Files.readString(report.resolve("figures/" + f + ".svg")).contains("<svg"), f);
            assertTrue(html.contains("figures/" + f + ".png"), f);
        }
        assertTrue(html.contains("loss=lsgan-pearson"));
        assertTrue(!html.contains("class=\"problem\""), "the report lists problems");
        String table = Files.readString(report.resolve("tables/summary.csv"));
        assertTrue(table.startsWith("setting,seeds,completed,diverged,failed,modes_covered_mean"), table);
        assertEquals(3, table.lines().count());

        // Again: nothing re-runs, finished files are untouched.
        FileTime before = Files.getLastModifiedTime(done.get(0));
        Tiny.Result again = Tiny.cli("run", grid.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 run now, 2 already finished"), again.out());
        assertEquals(before, Files.getLastModifiedTime(done.get(0)));

        // A changed grid: the new trial runs, the old ones stay, the old grid is kept.
        Path grid2 = Tiny.write(tmp, "tiny.yaml", Tiny.RING.replace("[gan, lsgan-pearson]", "[gan, lsgan-pearson, lsgan-binary]"));
        Tiny.Result third = Tiny.cli("run", grid2.toString(), "--out", out.toString());
        assertEquals(0, third.code(), third.err());
        assertTrue(third.out().contains("1 run now, 2 already finished"), third.out());
        try (Stream<Path> old = Files.list(exp)) {
            assertEquals(1, old.filter(p -> p.getFileName().toString().matches("grid\\.\\d{8}-\\d{6}\\.yaml")).count());
        }

        // The report rebuilds from stored results alone.
        Files.delete(report.resolve("index.html"));
        Tiny.Result rep = Tiny.cli("report", exp.toString());
        assertEquals(0, rep.code(), rep.err());
        assertTrue(Files.exists(report.resolve("index.html")));
    }

    @Test
    void parallelWorkersRunTrialsInSeparateProcesses() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING.replace("name: tiny", "name: par"));
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "2");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(2, summaries(out.resolve("par")).size());
        // Same numbers as in-process: determinism does not depend on --workers.
        Path seq = tmp.resolve("seq");
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", seq.toString(), "--workers", "1").code());
        for (Path s : summaries(out.resolve("par"))) {
            Path trial = s.getParent().getFileName();
            assertEquals(Files.readString(s.getParent().resolve("metrics.csv")),
                    Files.readString(seq.resolve("par/trials").resolve(trial).resolve("metrics.csv")));
        }
    }

    @Test
    void brokenGridExitsTwoWithALocatedMessageAndRunsNothing() throws Exception {
        Path grid = Tiny.write(tmp, "broken.yaml", Tiny.RING.replace("loss: [gan, lsgan-pearson]", "loss: [gan, lsgn]"));
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(grid + ":15:15: unknown loss `lsgn` (did you mean `lsgan`?)"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
        assertTrue(!Files.exists(out));
        Tiny.Result v = Tiny.cli("validate", grid.toString());
        assertEquals(2, v.code());
        Tiny.Result missing = Tiny.cli("validate", tmp.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.yaml:1:1: no such grid file"), missing.err());
    }

    @Test
    void validateListsTrialsAndListShowsPlugins() {
        Tiny.Result v = Tiny.cli("validate");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("ring: 9 trials (loss x 3 seeds)"), v.out());
        Tiny.Result l = Tiny.cli("list");
        assertEquals(0, l.code(), l.err());
        for (String name : List.of("gan", "lsgan", "lsgan-pearson", "lsgan-binary", "gaussian-ring", "gaussian-grid", "mlp", "adam", "rmsprop", "mode-coverage", "density", "loss-functions")) {
            assertTrue(l.out().contains("  " + name + " "), name);
        }
        assertTrue(l.out().contains("radius = 2.0"), l.out());
        // The trial fields that are not plug-ins, with their defaults, too.
        for (String field : List.of("updates = alternating", "checkpointEvery = 0", "evalSamples = 2500", "noise = normal", "init = {type: default")) {
            assertTrue(l.out().contains(field), field + " missing from list");
        }
    }

    @Test
    void benchPrintsOneJsonLinePerTrial() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Tiny.Result b = Tiny.cli("bench", grid.toString(), "--steps", "40", "--memory-at", "30");
        assertEquals(0, b.code(), b.err());
        List<String> lines = b.out().lines().toList();
        assertEquals(2, lines.size(), b.out());
        for (String line : lines) {
            JsonNode j = Yaml.json().readTree(line);
            assertTrue(j.get("steps_per_second").asDouble() > 0);
            assertTrue(j.get("peak_memory_mb").asDouble() > 0);
            assertEquals(40, j.get("steps").asInt());
            assertTrue(j.get("rss_mb_at_step").has("30"));
        }
    }

    @Test
    void benchGivesNoSpeedForATrialThatEndsInsideTheWarmUp() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Tiny.Result b = Tiny.cli("bench", grid.toString(), "--steps", "40", "--set", "optimizer.lr=1.0e30");
        List<String> lines = b.out().lines().toList();
        assertEquals(2, lines.size(), b.out() + b.err());
        for (String line : lines) {
            JsonNode j = Yaml.json().readTree(line);
            assertEquals("diverged", j.get("status").asText(), line);
            assertTrue(j.get("steps").asInt() <= 20, line);
            assertTrue(j.get("steps_per_second").isNull(), line);
            assertTrue(j.get("note").asText().contains("inside the 20 warm-up steps: no speed measured"), line);
        }
        assertTrue(b.err().contains("no speed measured"), b.err());
    }

    @Test
    void aDivergingTrialIsRecordedReportedAndTheSweepGoesOn() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING.replace("  loss: [gan, lsgan-pearson]",
                "  loss: [gan, lsgan-pearson]\n  optimizer.lr: [0.001, 1.0e30]"));
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("4 trials, 4 run now, 0 already finished: 2 completed, 2 diverged, 0 failed"), r.out());
        String html = Files.readString(out.resolve("tiny/report/index.html"));
        assertTrue(html.contains("diverged at step"), html);
        assertTrue(Files.readString(out.resolve("tiny/report/tables/summary.csv")).contains(",1,0,1,0,"));
        // Diverged is a result: the rerun does not repeat it.
        Tiny.Result again = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertTrue(again.out().contains("0 run now, 4 already finished"), again.out());
    }

    @Test
    void aSecondSweepOnTheSameFolderIsRefused() throws Exception {
        Path out = tmp.resolve("runs");
        try (var held = org.gansweep.core.store.ExperimentStore.open(out.resolve("tiny"))) {
            Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
            Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("another gansweep sweep is writing to"), r.err());
        }
    }
}
