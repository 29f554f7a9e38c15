package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gansweep report` where the report cannot be written: a message and exit 2, never a stack trace or a deleted file. */
class ReportFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aFileWhereTheReportOrOneOfItsFoldersGoesIsNamed() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", tmp.resolve("runs").toString(), "--workers", "1").code());
        Path exp = tmp.resolve("runs/tiny");
        // A file named report.
        Path moved = tmp.resolve("report-was-here");
        Files.move(exp.resolve("report"), moved);
        Files.writeString(exp.resolve("report"), "mine");
        Tiny.Result r = Tiny.cli("report", exp.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("report is not a folder") && r.err().contains("move it away"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("mine", Files.readString(exp.resolve("report")), "the file was touched");
        // A link named report (to a file) is no folder either.
        Files.delete(exp.resolve("report"));
        Files.createSymbolicLink(exp.resolve("report"), grid);
        assertEquals(2, Tiny.cli("report", exp.toString()).code());
        // A file where the report puts its figures folder.
        Files.delete(exp.resolve("report"));
        Files.move(moved, exp.resolve("report"));
        try (var s = Files.walk(exp.resolve("report/figures"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(exp.resolve("report/figures"), "mine too");
        Tiny.Result f = Tiny.cli("report", exp.toString());
        assertEquals(2, f.code(), f.out() + f.err());
        assertTrue(f.err().contains("the report could not be written") && f.err().contains("the trials are untouched"), f.err());
        assertFalse(f.err().contains("\tat "), f.err());
        assertEquals("mine too", Files.readString(exp.resolve("report/figures")));
    }
}
