package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LossWindowsTest {
    @Test
    void theWindowsHoldTheLastHundredStepsOrTheWholeShorterRun() {
        assertEquals(3, LossWindows.forSteps(3).d().length);
        assertEquals(100, LossWindows.forSteps(100).g().length);
        assertEquals(100, LossWindows.forSteps(5000).d().length);
    }

    @Test
    void eachStepGoesToItsSlotAndTheMeansAreOverTheWindow() {
        LossWindows w = LossWindows.forSteps(3);
        w.record(1, 1f, 2f);
        w.record(2, 3f, 4f);
        w.record(3, 5f, 6f);
        // step % 3: step 3 in slot 0.
        assertArrayEquals(new double[] {5, 1, 3}, w.d());
        assertArrayEquals(new double[] {6, 2, 4}, w.g());
        assertEquals(3.0, w.dMean());
        assertEquals(4.0, w.gMean());
        w.record(4, 0.5f, -8f); // overwrites step 1
        assertEquals((5 + 0.5 + 3) / 3, w.dMean());
        assertEquals((6 - 8 + 4) / 3.0, w.gMean());
    }

    @Test
    void aFloatLossIsKeptExactly() {
        LossWindows w = LossWindows.forSteps(1);
        w.record(1, 0.1f, Float.NaN);
        assertEquals((double) 0.1f, w.d()[0]);
        assertEquals(Double.NaN, w.gMean());
    }
}
