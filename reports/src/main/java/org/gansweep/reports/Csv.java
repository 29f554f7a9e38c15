package org.gansweep.reports;

import java.util.Arrays;
import java.util.List;
import org.gansweep.core.store.CsvRows;

/**
 * A CSV text built row by row: numbers at full precision (Double.toString, so values read back exactly), NaN and
 * null as empty cells, text quoted where it needs it.
 */
public final class Csv {
    private final StringBuilder sb = new StringBuilder();

    public Csv(String... header) {
        this(Arrays.asList(header));
    }

    public Csv(List<String> header) {
        line(header.stream().map(h -> (Object) h).toList());
    }

    public Csv row(Object... cells) {
        return line(Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        return line(cells);
    }

    private Csv line(List<?> cells) {
        sb.append(CsvRows.format(cells.stream().map(Csv::cell).toList()));
        return this;
    }

    private static String cell(Object v) {
        if (v == null || v instanceof Double d && d.isNaN()) {
            return "";
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
