package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.stream.IntStream;
import org.gansweep.core.config.TrainingConfig;
import org.junit.jupiter.api.Test;

class SampleSnapshotsTest {
    private static List<Integer> dueSteps(TrainingConfig t) {
        SampleSnapshots s = new SampleSnapshots(t, new EvaluationSchedule(t));
        return IntStream.rangeClosed(1, t.steps()).filter(s::due).boxed().toList();
    }

    @Test
    void aRunNoLongerThanOneEvaluationIntervalIsSnapshottedEveryQuarter() {
        assertEquals(75, SampleSnapshots.every(300, 500));
        assertEquals(125, SampleSnapshots.every(500, 500));
        assertEquals(1, SampleSnapshots.every(3, 500)); // a quarter of 3 steps rounds to 0: every step
        assertEquals(0, SampleSnapshots.every(501, 500));
        assertEquals(0, SampleSnapshots.every(2000, 500));
    }

    @Test
    void snapshotsFallBetweenEvaluationsNeverOnAnEvaluatedStep() {
        // 300 of 500: quarters 75, 150, 225; step 300 is the last step, evaluated.
        assertEquals(List.of(75, 150, 225), dueSteps(TinyGan.training(300, 500, 10, 0)));
        assertEquals(List.of(1, 2, 3), dueSteps(TinyGan.training(4, 4, 1, 0)));
        assertEquals(List.of(), dueSteps(TinyGan.training(8, 4, 1, 0)));
    }

    @Test
    void aSnapshotReportsSamplesOnlyAndOnlyWhenTheRunEvaluates() throws Exception {
        TinyGan.Events events = new TinyGan.Events();
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(true))) {
            TrainingRun run = TinyGan.run(TinyGan.setup(TinyGan.training(4, 8, 1, 0), 1), events, root, data);
            SampleSnapshots s = new SampleSnapshots(run.setup().training(), new EvaluationSchedule(run.setup().training()));
            for (int step = 1; step <= 4; step++) {
                s.afterStep(run, step, 0, 0);
            }
            assertEquals(List.of("samples 1", "samples 2", "samples 3"), events.lines);
            assertEquals(List.of(), events.metrics);
        }
    }
}
