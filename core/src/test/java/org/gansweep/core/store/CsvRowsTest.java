package org.gansweep.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    @Test
    void numbersAndNamesAreWrittenBareAndOnlyCommasQuotesAndLineBreaksQuoted() {
        assertEquals("step,d_loss,g_loss,kl_divergence\n", CsvRows.format("step", "d_loss", "g_loss", "kl_divergence"));
        assertEquals("0,,,1.0E-4,-Infinity,NaN\n", CsvRows.format(List.of("0", "", "", "1.0E-4", "-Infinity", "NaN")));
        assertEquals("3,Ankle boot,T-shirt/top,#1\n", CsvRows.format("3", "Ankle boot", "T-shirt/top", "#1"));
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n", CsvRows.format("a,b", "say \"hi\"", "two\nlines"));
    }

    @Test
    void rowsReadBackCellForCellWithATornLastRowCutShort() throws Exception {
        List<String[]> rows = CsvRows.read(new StringReader("step,d_loss,name\r\n0,,\"a,b\"\n\n5,1.5,\"say \"\"hi\"\"\"\n10,0.2"));
        assertEquals(5, rows.size());
        assertArrayEquals(new String[] {"step", "d_loss", "name"}, rows.get(0));
        assertArrayEquals(new String[] {"0", "", "a,b"}, rows.get(1));
        // An empty line: a row without text (no cells, or after a quoted cell one empty cell), never a row's length.
        assertTrue(rows.get(2).length <= 1 && String.join("", rows.get(2)).isEmpty());
        assertArrayEquals(new String[] {"5", "1.5", "say \"hi\""}, rows.get(3));
        assertArrayEquals(new String[] {"10", "0.2"}, rows.get(4));
    }

    @Test
    void aQuotedCellCutOffWithTheFileEndsTheRowsBeforeIt() throws Exception {
        List<String[]> rows = CsvRows.read(new StringReader("x,y\n1,2\n3,\"unfinished"));
        assertEquals(2, rows.size());
        assertArrayEquals(new String[] {"1", "2"}, rows.get(1));
    }
}
