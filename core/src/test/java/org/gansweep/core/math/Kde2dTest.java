package org.gansweep.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Kde2dTest {
    @Test
    void kdeIntegratesToOne() {
        float[] xy = {0f, 0f, 0.5f, -0.3f, -0.2f, 0.1f};
        int cells = 200;
        double lo = -3;
        double hi = 3;
        double[][] d = Kde2d.density(xy, lo, hi, cells, 0.2);
        double cell = (hi - lo) / cells;
        double total = 0;
        for (double[] row : d) {
            for (double v : row) {
                total += v * cell * cell;
            }
        }
        assertEquals(1.0, total, 1e-3);
        // The peak of one kernel at its own centre: 1 / (2 pi h^2 n) for the point at the origin, plus tails.
        assertEquals(0, Kde2d.density(new float[0], lo, hi, 4, 0.2)[0][0]);
    }
}
