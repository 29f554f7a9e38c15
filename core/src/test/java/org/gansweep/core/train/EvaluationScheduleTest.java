package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvaluationScheduleTest {
    @Test
    void evaluationsFallEveryEvalEveryStepsAndOnTheLastStep() {
        EvaluationSchedule s = new EvaluationSchedule(TinyGan.training(10, 4, 1, 0));
        assertEquals(List.of(4, 8, 10), IntStream.rangeClosed(1, 10).filter(s::due).boxed().toList());
        EvaluationSchedule exact = new EvaluationSchedule(TinyGan.training(8, 4, 1, 0));
        assertEquals(List.of(4, 8), IntStream.rangeClosed(1, 8).filter(exact::due).boxed().toList());
    }

    @Test
    void anEvaluationScoresTheSamplesReportsThemWithTheDecisionFieldAndBecomesTheLastMetrics() throws Exception {
        TinyGan.Events events = new TinyGan.Events();
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(true))) {
            TrainingRun run = TinyGan.run(TinyGan.setup(TinyGan.training(10, 4, 1, 0), 1), events, root, data);
            EvaluationSchedule s = new EvaluationSchedule(run.setup().training());
            s.beforeFirstStep(run);
            for (int step = 1; step <= 5; step++) {
                s.afterStep(run, step, 0, 0);
            }
            // A one-mode mixture of 2-D points: each evaluation comes with D's decision field.
            assertEquals(List.of("evaluation 0", "field 0", "evaluation 4", "field 4"), events.lines);
            assertEquals(List.of("sample_mean"), List.copyOf(events.metrics.get(1).keySet()));
            assertSame(events.metrics.get(1), run.lastMetrics());
            // Nothing trained in between: the same fixed noise gives the same samples at step 0 and step 4.
            assertEquals(events.metrics.get(0), events.metrics.get(1));
        }
    }

    @Test
    void aRunSetUpWithoutEvaluationIsNeverEvaluated() throws Exception {
        TinyGan.Events events = new TinyGan.Events();
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(true))) {
            var t = TinyGan.training(4, 2, 1, 0);
            var evaluated = TinyGan.setup(t, 1);
            var setup = new AdversarialTraining.Setup(evaluated.dataset(), evaluated.architecture(), evaluated.loss(),
                    evaluated.optimizer(), null, null, t, evaluated.metrics(), 1, false);
            TrainingRun run = TinyGan.run(setup, events, root, data);
            EvaluationSchedule s = new EvaluationSchedule(t);
            s.beforeFirstStep(run);
            for (int step = 1; step <= 4; step++) {
                s.afterStep(run, step, 0, 0);
            }
            assertEquals(List.of(), events.lines);
            assertEquals(Map.of(), run.lastMetrics());
        }
    }
}
