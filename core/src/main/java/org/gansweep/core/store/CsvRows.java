package org.gansweep.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files of a trial folder (metrics.csv, the samples' points, decision fields and grid labels), through
 * Jackson's CSV module: cells between commas, each row ending in {@code \n}, a cell quoted only where it holds a
 * comma, a quote or a line break (so numbers and names are written bare, the bytes gansweep has always written).
 * Cells are text: each writer formats its own numbers (Java's shortest round-trip form), so the same run gives
 * the same bytes.
 */
public final class CsvRows {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\n");
    private static final ObjectWriter ROW = MAPPER.writerFor(String[].class).with(ROWS);
    private static final ObjectReader READER = MAPPER.readerFor(String[].class).with(ROWS);

    private CsvRows() {}

    /** One row, ending in {@code \n}. */
    public static String format(String... cells) {
        try {
            return ROW.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // only an I/O error of a StringWriter, which has none
        }
    }

    public static String format(List<String> cells) {
        return format(cells.toArray(String[]::new));
    }

    /** Every row of the file, the header first. */
    public static List<String[]> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /**
     * Every row of the text. A run interrupted while writing leaves its last row cut short: that row comes back
     * with fewer cells, for the caller to drop.
     */
    public static List<String[]> read(Reader in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = READER.readValues(in)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            // A row the parser cannot read (a quoted cell cut off with the file) ends the rows; those before it stand.
        }
        return rows;
    }
}
