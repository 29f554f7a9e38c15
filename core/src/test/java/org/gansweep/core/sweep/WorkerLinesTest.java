package org.gansweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The worker's progress line, written and read back; every other line is log. */
class WorkerLinesTest {
    @Test
    void aProgressLineReadsBackAsItsStep() {
        assertEquals("progress 1200", WorkerLines.progress(1200));
        assertEquals(OptionalInt.of(1200), WorkerLines.step(WorkerLines.progress(1200)));
        assertEquals(OptionalInt.of(7), WorkerLines.step("progress 7  "));
    }

    @Test
    void otherLinesAndCutLinesAreNoProgress() {
        assertEquals(OptionalInt.empty(), WorkerLines.step("progress 12x"), "a line cut or garbled");
        assertEquals(OptionalInt.empty(), WorkerLines.step("progress "));
        assertEquals(OptionalInt.empty(), WorkerLines.step("gansweep: numerics: avx512/onednn"));
        assertTrue(WorkerLines.isProgress("progress 3"));
        assertFalse(WorkerLines.isProgress("in progress 3"));
    }
}
