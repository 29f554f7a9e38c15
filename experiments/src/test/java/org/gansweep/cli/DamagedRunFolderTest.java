package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gansweep.core.store.TrialFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, partial and foreign contents of a run folder: nothing is deleted that gansweep did not write, one
 * damaged trial never stops the others, and the report says what it left out.
 */
class DamagedRunFolderTest {
    @TempDir
    Path tmp;

    Path grid;
    Path out;
    Path experiment;
    Path gan;
    Path lsgan;

    @BeforeEach
    void sweep() throws Exception {
        grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        experiment = out.resolve("tiny");
        try (Stream<Path> s = Files.list(experiment.resolve("trials"))) {
            List<Path> trials = s.sorted().toList();
            gan = trials.get(0);
            lsgan = trials.get(1);
        }
    }

    /** Every file under {@code dir} with its content, to show that a command left it as it was. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock")).toList()) {
                m.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return m;
    }

    private Tiny.Result run() {
        return Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
    }

    private List<Path> setAside() throws Exception {
        Path dir = experiment.resolve(TrialFolder.SET_ASIDE);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    // Class 1: no command deletes or overwrites what it did not create.

    @Test
    void reproduceIntoAnExistingTrialOrTheExperimentIsRefusedAndTouchesNothing() throws Exception {
        Map<String, String> before = snapshot(experiment);
        for (Path target : List.of(lsgan, experiment, experiment.resolve("trials"), gan)) {
            Tiny.Result r = Tiny.cli("reproduce", gan.toString(), "--into", target.toString());
            assertEquals(2, r.code(), target + ": " + r.out() + r.err());
            assertTrue(r.err().contains("not an empty folder") && r.err().contains("never deletes"), r.err());
        }
        Path foreign = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        assertEquals(2, Tiny.cli("reproduce", gan.toString(), "--into", foreign.toString()).code());
        assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
        assertEquals(before, snapshot(experiment));
        // A file as the target is refused too.
        assertEquals(2, Tiny.cli("reproduce", gan.toString(), "--into", foreign.resolve("notes.txt").toString()).code());
        assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
    }

    @Test
    void reproduceWritesOnlyANewFolderAndTheSweepStaysIntact() throws Exception {
        Map<String, String> trialsBefore = snapshot(experiment.resolve("trials"));
        Tiny.Result r = Tiny.cli("reproduce", gan.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Tiny.Result again = Tiny.cli("reproduce", gan.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        try (Stream<Path> s = Files.list(experiment.resolve("reproduced"))) {
            assertEquals(2, s.count(), "each reproduce gets its own folder");
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, Tiny.cli("reproduce", gan.toString(), "--into", empty.toString()).code());
        assertTrue(Files.exists(empty.resolve("metrics.csv")));
        assertEquals(trialsBefore, snapshot(experiment.resolve("trials")));
        Tiny.Result rerun = run();
        assertEquals(0, rerun.code(), rerun.err());
        assertTrue(rerun.err().contains("2 already finished, 0 to run"), rerun.err());
    }

    @Test
    void aRetriedTrialKeepsForeignFilesAside() throws Exception {
        // A failed trial is retried; a file the user put in its folder is moved aside, not deleted.
        String summary = Files.readString(gan.resolve("summary.json")).replace("\"completed\"", "\"failed\"");
        Files.writeString(gan.resolve("summary.json"), summary);
        Files.writeString(gan.resolve("my-notes.txt"), "my notes");
        Files.createDirectories(gan.resolve("my-plots")).resolve("a.png").toFile().createNewFile();
        Files.writeString(gan.resolve("samples/my-annotations.txt"), "circled mode 3");
        Files.createDirectories(gan.resolve("worker.log")).resolve("x").toFile().createNewFile(); // a folder where gansweep writes a file
        Tiny.Result r = run();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 already finished, 1 to run"), r.err());
        List<Path> aside = setAside();
        assertEquals(1, aside.size(), aside.toString());
        assertEquals("my notes", Files.readString(aside.get(0).resolve("my-notes.txt")));
        assertTrue(Files.exists(aside.get(0).resolve("my-plots/a.png")));
        assertEquals("circled mode 3", Files.readString(aside.get(0).resolve("samples/my-annotations.txt")));
        assertTrue(Files.exists(aside.get(0).resolve("worker.log/x")));
        assertFalse(Files.exists(gan.resolve("my-notes.txt")));
        assertFalse(Files.exists(gan.resolve("samples/my-annotations.txt")));
    }

    // Classes 2 and 4: one damaged trial breaks nothing else; one status model.

    @Test
    void aFinishedTrialMissingItsIdentityOrConfigIsSetAsideAndRunAgainWithTheSameNumbers() throws Exception {
        String metrics = Files.readString(gan.resolve("metrics.csv"));
        String lsgMetrics = Files.readString(lsgan.resolve("metrics.csv"));
        Files.delete(gan.resolve("trial.json"));
        Files.delete(lsgan.resolve("config.yaml"));

        Tiny.Result report = Tiny.cli("report", experiment.toString());
        assertEquals(1, report.code(), report.out() + report.err());
        assertTrue(report.err().contains("trial.json is missing") && report.err().contains("config.yaml is missing"), report.err());
        assertFalse(report.err().contains("Exception"), report.err());
        String html = Files.readString(experiment.resolve("report/index.html"));
        assertTrue(html.contains("class=\"damaged\"") && html.contains(gan.getFileName().toString()), html);

        Tiny.Result r = run();
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("damaged: " + gan.getFileName() + ": trial.json is missing"), r.err());
        assertTrue(r.err().contains("damaged: " + lsgan.getFileName() + ": config.yaml is missing"), r.err());
        assertEquals(2, setAside().size());
        // The old folders are kept whole, with a note of why; the reruns give the same numbers.
        Path oldGan = setAside().stream().filter(p -> p.getFileName().toString().startsWith(gan.getFileName().toString())).findFirst().orElseThrow();
        assertEquals(metrics, Files.readString(oldGan.resolve("metrics.csv")));
        assertTrue(Files.readString(oldGan.resolve("SET-ASIDE.txt")).contains("trial.json is missing"));
        assertEquals(metrics, Files.readString(gan.resolve("metrics.csv")));
        assertEquals(lsgMetrics, Files.readString(lsgan.resolve("metrics.csv")));
        assertEquals(0, Tiny.cli("report", experiment.toString()).code());
    }

    @Test
    void anIncompleteOrMalformedSummaryCountsAsFailedAndIsRetried() throws Exception {
        String metrics = Files.readString(gan.resolve("metrics.csv"));
        String[] bad = {
            "{\"trial\": \"x\"}",                                                       // no status
            Files.readString(gan.resolve("summary.json")).replaceFirst("\"seed\" : 1", "\"seed\" : \"one\""), // wrong type
            Files.readString(gan.resolve("summary.json")).substring(0, 40),            // cut off
            "[1, 2, 3]",                                                                // not an object
            Files.readString(gan.resolve("summary.json")).replace("\"completed\"", "\"done\""), // unknown status
        };
        for (String b : bad) {
            Files.writeString(gan.resolve("summary.json"), b);
            Tiny.Result r = run();
            assertEquals(0, r.code(), b + ": " + r.err());
            assertTrue(r.err().contains("1 already finished, 1 to run"), b + ": " + r.err());
            assertEquals(metrics, Files.readString(gan.resolve("metrics.csv")));
            assertEquals("completed", new TrialFolder(gan).readSummary().status().name());
        }
    }

    @Test
    void foreignFilesAndFoldersInTrialsAreLeftAloneAndATrialsFileIsAClearError() throws Exception {
        Files.writeString(experiment.resolve("trials/README.txt"), "mine");
        Files.createDirectories(experiment.resolve("trials/someone-elses"));
        Tiny.Result r = run();
        assertEquals(0, r.code(), r.err());
        assertEquals("mine", Files.readString(experiment.resolve("trials/README.txt")));
        assertTrue(Files.isDirectory(experiment.resolve("trials/someone-elses")));
        assertEquals(0, Tiny.cli("report", experiment.toString()).code());

        Path other = out.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("trials"), "a file where the trial folders go");
        Tiny.Result bad = Tiny.cli("run", Tiny.write(tmp, "other.yaml", Tiny.RING.replace("name: tiny", "name: other")).toString(),
                "--out", out.toString(), "--workers", "1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("is a file, not the folder gansweep keeps trials in"), bad.err());
        assertEquals("a file where the trial folders go", Files.readString(other.resolve("trials")));
        Tiny.Result report = Tiny.cli("report", other.toString());
        assertEquals(2, report.code());
        assertTrue(report.err().contains("is a file"), report.err());
    }

    // Class 3: reports do not hide damage; checksums tell intact from altered.

    @Test
    void cutOffOrAlteredMetricsAndDeletedSamplesAreFlaggedByTheReportAndRunAgain() throws Exception {
        String csv = Files.readString(gan.resolve("metrics.csv"));
        Files.writeString(gan.resolve("metrics.csv"), csv.substring(0, csv.length() - 7)); // cut mid-row
        String lcsv = Files.readString(lsgan.resolve("metrics.csv"));
        Files.writeString(lsgan.resolve("metrics.csv"), lcsv.replaceFirst("\n5,([0-9.-]+),", "\n5,0.5,"));
        Tiny.Result report = Tiny.cli("report", experiment.toString());
        assertEquals(1, report.code(), report.err());
        assertTrue(report.err().contains(gan.getFileName() + ": metrics.csv changed since the trial finished"), report.err());
        assertTrue(report.err().contains(lsgan.getFileName() + ": metrics.csv changed since the trial finished"), report.err());
        String table = Files.readString(experiment.resolve("report/tables/trials.csv"));
        assertFalse(table.contains(gan.getFileName().toString()), "a damaged trial is left out of the tables: " + table);

        Tiny.Result rep = Tiny.cli("reproduce", lsgan.toString());
        assertEquals(1, rep.code(), rep.out());
        assertTrue(rep.out().contains("stored trial: metrics.csv changed since the trial finished"), rep.out());

        Tiny.Result r = run();
        assertEquals(0, r.code(), r.err());
        assertEquals(csv, Files.readString(gan.resolve("metrics.csv")));
        assertEquals(lcsv, Files.readString(lsgan.resolve("metrics.csv")));

        // A deleted samples/ folder, and one deleted sample file.
        try (Stream<Path> s = Files.walk(gan.resolve("samples"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        try (Stream<Path> s = Files.list(lsgan.resolve("samples"))) {
            Files.delete(s.filter(f -> f.getFileName().toString().startsWith("step_")).sorted().findFirst().orElseThrow());
        }
        Tiny.Result report2 = Tiny.cli("report", experiment.toString());
        assertEquals(1, report2.code());
        assertTrue(report2.err().contains("the samples/ folder is missing"), report2.err());
        assertTrue(report2.err().contains(lsgan.getFileName() + ": samples/step_"), report2.err());
        assertEquals(0, run().code());
        assertEquals(0, Tiny.cli("report", experiment.toString()).code());
    }

    @Test
    void garbageInSweepJsonIsFlaggedAndEveryStoredTrialStillShown() throws Exception {
        Files.writeString(experiment.resolve("sweep.json"), "{not json at all");
        Tiny.Result report = Tiny.cli("report", experiment.toString());
        assertEquals(1, report.code(), report.err());
        assertTrue(report.err().contains("sweep.json: cannot be read"), report.err());
        String html = Files.readString(experiment.resolve("report/index.html"));
        assertTrue(html.contains("2 trials."), html);
        assertFalse(html.contains("earlier versions of the grid"), html);
        // An empty or wrongly shaped sweep.json likewise.
        Files.writeString(experiment.resolve("sweep.json"), "[]");
        assertEquals(1, Tiny.cli("report", experiment.toString()).code());
    }
}
