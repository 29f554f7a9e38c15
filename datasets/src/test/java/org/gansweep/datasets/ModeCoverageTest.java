package org.gansweep.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.gansweep.core.metrics.GaussianMixture;
import org.junit.jupiter.api.Test;

/** mode-coverage on hand-placed samples. */
class ModeCoverageTest {
    private static final GaussianMixture TWO = new GaussianMixture(new double[][] {{0, 0}, {10, 0}}, 0.1);

    @Test
    void mixtureMetricsByHand() {
        // 100 samples: 60 at mode 0 exactly, 39 at mode 1 + 0.2 (2 std, within 3), 1 far away (nearest mode 1).
        float[] xy = new float[200];
        for (int i = 0; i < 60; i++) {
            xy[2 * i] = 0;
        }
        for (int i = 60; i < 99; i++) {
            xy[2 * i] = 10.2f;
        }
        xy[198] = 7f;
        Map<String, Double> m = ModeCoverage.score(xy, TWO, 3, 0.01);
        assertEquals(2.0, m.get("modes_covered"));
        assertEquals(0.99, m.get("high_quality_fraction"), 1e-12);
        // assignment histogram (0.6, 0.4) vs uniform over 2: 0.6 ln 1.2 + 0.4 ln 0.8
        assertEquals(0.6 * Math.log(1.2) + 0.4 * Math.log(0.8), m.get("kl_divergence"), 1e-12);
    }

    @Test
    void collapsedGeneratorCoversOneModeWithMaximalKl() {
        float[] xy = new float[2000]; // every sample at mode 0
        Map<String, Double> m = ModeCoverage.score(xy, TWO, 3, 0.01);
        assertEquals(1.0, m.get("modes_covered"));
        assertEquals(1.0, m.get("high_quality_fraction"));
        assertEquals(Math.log(2), m.get("kl_divergence"), 1e-12);
    }

    @Test
    void aModeNeedsOnePercentOfSamples() {
        float[] xy = new float[2 * 1000];
        for (int i = 0; i < 9; i++) { // 0.9 % at mode 1: not covered
            xy[2 * i] = 10f;
        }
        assertEquals(1.0, ModeCoverage.score(xy, TWO, 3, 0.01).get("modes_covered"));
    }

}
