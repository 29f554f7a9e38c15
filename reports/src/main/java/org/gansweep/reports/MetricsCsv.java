package org.gansweep.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.store.CsvRows;

/** A trial's metrics.csv read back: for each column, the (step, value) pairs where it has a value. */
public final class MetricsCsv {
    private final Map<String, List<double[]>> columns = new LinkedHashMap<>();

    public static MetricsCsv read(Path file) throws IOException {
        MetricsCsv m = new MetricsCsv();
        if (!Files.exists(file)) {
            return m;
        }
        List<String[]> rows = CsvRows.read(file);
        if (rows.isEmpty()) {
            return m;
        }
        String[] header = rows.get(0);
        if (header.length == 0) {
            return m;
        }
        for (int c = 1; c < header.length; c++) {
            m.columns.put(header[c], new ArrayList<>());
        }
        for (String[] cells : rows.subList(1, rows.size())) {
            if (cells.length != header.length) {
                continue; // a line cut short by an interrupted run
            }
            double step;
            try {
                step = Double.parseDouble(cells[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            for (int c = 1; c < header.length; c++) {
                if (!cells[c].isEmpty()) {
                    try {
                        m.columns.get(header[c]).add(new double[] {step, Double.parseDouble(cells[c])});
                    } catch (NumberFormatException e) {
                        // not a number: skip the cell
                    }
                }
            }
        }
        return m;
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    public List<double[]> series(String name) {
        return columns.getOrDefault(name, List.of());
    }
}
