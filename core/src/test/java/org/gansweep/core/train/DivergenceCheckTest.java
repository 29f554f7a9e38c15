package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DivergenceCheckTest {
    @Test
    void aNanOrInfiniteLossOfEitherNetworkIsDivergenceAndAnyFiniteLossIsNot() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float b : bad) {
            assertTrue(DivergenceCheck.diverged(b, 0.5f), "D loss " + b);
            assertTrue(DivergenceCheck.diverged(0.5f, b), "G loss " + b);
        }
        // No threshold: a huge but finite loss trains on.
        float[] fine = {0f, -0f, -3.5f, 1e-30f, 1e30f, Float.MAX_VALUE, -Float.MAX_VALUE};
        for (float f : fine) {
            assertFalse(DivergenceCheck.diverged(f, f), "loss " + f);
        }
    }

    @Test
    void aDivergedStepEndsTheRunReportingItsLossesBesideTheLastMetrics() throws Exception {
        TinyGan.Events events = new TinyGan.Events();
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            TrainingRun run = TinyGan.run(TinyGan.setup(TinyGan.training(10, 5, 5, 0), 1), events, root, data);
            Map<String, Double> last = new LinkedHashMap<>();
            last.put("sample_mean", 0.25);
            run.setLastMetrics(last);
            DivergenceCheck check = new DivergenceCheck();

            check.afterStep(run, 6, 1.5f, 2.5f);
            assertNull(run.result());
            assertEquals(List.of(), events.lines);

            check.afterStep(run, 7, 1.5f, Float.NaN);
            TrainingResult r = run.result();
            assertEquals(TrialStatus.diverged, r.status());
            assertEquals(7, r.steps());
            assertEquals(7, r.divergedAtStep());
            assertEquals(List.of("sample_mean", "d_loss", "g_loss"), List.copyOf(r.metrics().keySet()));
            assertEquals(0.25, r.metrics().get("sample_mean"));
            assertEquals(1.5, r.metrics().get("d_loss"));
            assertTrue(r.metrics().get("g_loss").isNaN());
            // Reported although 7 is no logging step; the run's own last metrics are left as they were.
            assertEquals(List.of("losses 7 1.5 NaN"), events.lines);
            assertEquals(Map.of("sample_mean", 0.25), run.lastMetrics());
        }
    }
}
