package org.gansweep.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConditionalAccuracyTest {
    @Test
    void accuracyIsTheShareOfRowsWhoseMostProbableClassIsTheAskedOne() {
        double[][] p = {
            {0.7, 0.2, 0.1}, // reads 0
            {0.1, 0.3, 0.6}, // reads 2
            {0.2, 0.5, 0.3}, // reads 1
            {0.4, 0.35, 0.25} // reads 0
        };
        assertEquals(0.75, ConditionalAccuracy.accuracy(p, new int[] {0, 2, 1, 1}), 1e-12);
        assertEquals(0.0, ConditionalAccuracy.accuracy(p, new int[] {1, 0, 0, 2}), 1e-12);
        assertEquals(1.0, ConditionalAccuracy.accuracy(p, new int[] {0, 2, 1, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ConditionalAccuracy.accuracy(p, new int[] {0}));
    }
}
