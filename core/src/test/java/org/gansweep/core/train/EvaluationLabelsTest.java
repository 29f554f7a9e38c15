package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvaluationLabelsTest {
    @Test
    void theSampleGridShowsEightSpreadClassesOnePerRowAndTheRestCycleThroughAll() {
        int[] l = SampleGrid.evaluationLabels(70, 100);
        // Rows of the 8x8 grid: classes 0, 12, 25, 37, 50, 62, 75, 87 (r * 100 / 8, rounded down).
        int[] rowClass = {0, 12, 25, 37, 50, 62, 75, 87};
        for (int i = 0; i < 64; i++) {
            assertEquals(rowClass[i / 8], l[i], "tile " + i);
        }
        assertArrayEquals(new int[] {64, 65, 66, 67, 68, 69}, Arrays.copyOfRange(l, 64, 70));
        // Fewer classes than rows: rows repeat classes; the cycle wraps.
        int[] few = SampleGrid.evaluationLabels(67, 3);
        assertEquals(0, few[0]);
        assertEquals(0, few[8]); // 1 * 3 / 8 = 0
        assertEquals(1, few[3 * 8]); // 3 * 3 / 8 = 1
        assertEquals(2, few[7 * 8]); // 7 * 3 / 8 = 2
        assertArrayEquals(new int[] {1, 2, 0}, Arrays.copyOfRange(few, 64, 67));
    }
}
