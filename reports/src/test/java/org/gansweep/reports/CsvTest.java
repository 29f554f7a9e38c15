package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The report's CSV tables: the bytes they have always had. */
class CsvTest {
    @Test
    void numbersAtFullPrecisionNanAndNullBlankTextQuotedWhereItNeedsIt() {
        String csv = new Csv("setting", "seed", "value", "note")
                .row("lsgan, a=-1", 3, 0.1 + 0.2, null)
                .row("say \"hi\"", 4L, Double.NaN, "two\nlines")
                .row(Arrays.asList("gan", 1, 1e-7, "T-shirt/top #1"))
                .toString();
        assertEquals("setting,seed,value,note\n"
                + "\"lsgan, a=-1\",3,0.30000000000000004,\n"
                + "\"say \"\"hi\"\"\",4,,\"two\nlines\"\n"
                + "gan,1,1.0E-7,T-shirt/top #1\n", csv);
    }
}
