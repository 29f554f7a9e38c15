package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gansweep compare`: identical runs, a changed value found at its step and metric, a missing trial, bad folders. */
class CompareTest {
    @TempDir
    Path tmp;

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void sameRunsMatchAndAChangedValueIsNamedAtItsStepAndMetric() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", tmp.resolve("a").toString(), "--workers", "1").code());
        Path a = tmp.resolve("a/tiny");
        Path b = tmp.resolve("b/tiny");
        copy(a, b);
        Tiny.Result same = Tiny.cli("compare", a.toString(), b.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("all 2 trials identical"), same.out());

        Path trial;
        try (Stream<Path> s = Files.list(b.resolve("trials"))) {
            trial = s.sorted().findFirst().orElseThrow();
        }
        Path csv = trial.resolve("metrics.csv");
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        String[] row = lines.get(2).split(",", -1);
        int col = List.of(header).indexOf("g_loss");
        String old = row[col];
        row[col] = "12.5";
        lines.set(2, String.join(",", row));
        Files.write(csv, lines);
        Tiny.Result changed = Tiny.cli("compare", a.toString(), b.toString());
        assertEquals(1, changed.code(), changed.out());
        assertTrue(changed.out().contains("first differs at step " + row[0] + ", g_loss: " + old + " and 12.5"), changed.out());
        assertTrue(changed.out().contains("1 of 2 trials differ"), changed.out());

        copy(trial, b.resolve("trials").resolve("extra_s9-00000000"));
        Tiny.Result extra = Tiny.cli("compare", a.toString(), b.toString());
        assertEquals(1, extra.code());
        assertTrue(extra.out().contains("extra_s9-00000000: only in " + b), extra.out());
    }

    @Test
    void aFolderThatIsNoExperimentIsABadUsage() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        Tiny.Result r = Tiny.cli("compare", tmp.resolve("empty").toString(), tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not an experiment folder"), r.err());
    }
}
