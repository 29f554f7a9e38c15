package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir
    Path tmp;

    @Test
    void eachColumnHasTheStepsWhereItHasAValueAndATornLastRowIsLeftOut() throws Exception {
        Path f = Files.writeString(tmp.resolve("metrics.csv"), "step,d_loss,g_loss,modes_covered\n"
                + "0,,,1.0\n"
                + "5,0.5,-1.25,\n"
                + "10,NaN,0.75,x\n"
                + "15,0.25"); // cut off by an interrupted run
        MetricsCsv m = MetricsCsv.read(f);
        assertEquals(List.of("d_loss", "g_loss", "modes_covered"), m.names());
        assertEquals(2, m.series("d_loss").size());
        assertArrayEquals(new double[] {5, 0.5}, m.series("d_loss").get(0));
        assertTrue(Double.isNaN(m.series("d_loss").get(1)[1]));
        assertArrayEquals(new double[] {10, 0.75}, m.series("g_loss").get(1));
        // "x" is not a number: the cell is skipped, the row's other cells kept.
        assertEquals(1, m.series("modes_covered").size());
        assertArrayEquals(new double[] {0, 1.0}, m.series("modes_covered").get(0));
    }

    @Test
    void aMissingOrEmptyFileHasNoColumns() throws Exception {
        assertEquals(List.of(), MetricsCsv.read(tmp.resolve("none.csv")).names());
        assertEquals(List.of(), MetricsCsv.read(Files.writeString(tmp.resolve("empty.csv"), "")).names());
        assertEquals(List.of(), MetricsCsv.read(Files.writeString(tmp.resolve("blank.csv"), "\n\n")).names());
    }
}
