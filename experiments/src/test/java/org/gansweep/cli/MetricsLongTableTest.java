package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27: report/tables/metrics-long.csv holds every logged value of every trial, one per row, nothing more. */
class MetricsLongTableTest {
    @Test
    void everyCellOfEveryTrialsMetricsCsvIsOneRow(@TempDir Path tmp) throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING.replace("seeds: [1]", "seeds: [1, 2]"));
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("runs").toString());
        assertEquals(0, r.code(), r.err());
        Path exp = tmp.resolve("runs/tiny");
        List<String> rows = Files.readAllLines(exp.resolve("report/tables/metrics-long.csv"));
        assertEquals("trial,loss,seed,step,metric,value", rows.get(0));

        // What each trial's metrics.csv holds, read here by splitting its lines (no cell of it is quoted).
        Map<String, String> expected = new HashMap<>();
        try (Stream<Path> trials = Files.list(exp.resolve("trials"))) {
            for (Path t : trials.toList()) {
                List<String> lines = Files.readAllLines(t.resolve("metrics.csv"));
                String[] header = lines.get(0).split(",", -1);
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",", -1);
                    for (int c = 1; c < header.length; c++) {
                        if (!cells[c].isEmpty()) {
                            expected.put(t.getFileName() + "|" + cells[0] + "|" + header[c], cells[c]);
                        }
                    }
                }
            }
        }
        assertEquals(4, expected.keySet().stream().map(k -> k.split("\\|")[0]).distinct().count());
        Map<String, String> got = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(6, f.length, row);
            assertTrue(f[0].startsWith(f[1] + "_s" + f[2] + "-"), "the setting and seed columns do not match the trial: " + row);
            assertEquals(null, got.put(f[0] + "|" + f[3] + "|" + f[4], f[5]), "a value appears twice: " + row);
        }
        assertEquals(expected.size(), got.size(), "rows against the trials' metrics.csv cells");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(Double.parseDouble(e.getValue()), Double.parseDouble(got.get(e.getKey())), e.getKey());
        }
    }
}
