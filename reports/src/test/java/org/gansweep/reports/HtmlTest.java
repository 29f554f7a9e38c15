package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    /** report.css, one rule a line, is the one-line style the page has always had: reports stay byte for byte the same. */
    @Test
    void theStylesheetIsThePagesOneLineStyle() {
        assertEquals("body{font-family:sans-serif;max-width:1400px;margin:2em auto;padding:0 1em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:14px}"
                + "th{background:#f4f4f4}.problem{color:#a00}.swatch{display:inline-block;width:0.8em;height:0.8em;margin-right:0.4em}"
                + ".damaged{border:2px solid #c00;background:#fff0f0;padding:0.5em 1em;margin:1em 0}"
                + ".short{border:2px solid #c80;background:#fff8e8;padding:0.5em 1em;margin:1em 0}"
                + ".partial{border:2px solid #36c;background:#eef4ff;padding:0.5em 1em;margin:1em 0}", Html.stylesheet());
    }
}
