package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LossLogTest {
    static List<Integer> dueSteps(LossLog log, int steps) {
        return IntStream.rangeClosed(1, steps).filter(log::due).boxed().toList();
    }

    @Test
    void lossesAreLoggedEveryLogEveryStepsAndAtTheLastStep() {
        assertEquals(List.of(3, 6, 9, 10), dueSteps(new LossLog(TinyGan.training(10, 5, 3, 0)), 10));
        // The last step is a multiple: logged once.
        assertEquals(List.of(3, 6, 9), dueSteps(new LossLog(TinyGan.training(9, 5, 3, 0)), 9));
        assertEquals(List.of(1, 2, 3), dueSteps(new LossLog(TinyGan.training(3, 5, 1, 0)), 3));
        // logEvery past the run: only the last step.
        assertEquals(List.of(4), dueSteps(new LossLog(TinyGan.training(4, 5, 10, 0)), 4));
    }

    @Test
    void aDueStepReportsItsLossesAndOtherStepsNothing() throws Exception {
        TinyGan.Events events = new TinyGan.Events();
        try (NDManager root = NDManager.newBaseManager(); RealStream data = new RealStream(new TinyGan.Points(false))) {
            TrainingRun run = TinyGan.run(TinyGan.setup(TinyGan.training(5, 5, 2, 0), 1), events, root, data);
            LossLog log = new LossLog(run.setup().training());
            List<String> expected = new ArrayList<>();
            for (int step = 1; step <= 5; step++) {
                log.afterStep(run, step, step * 0.5f, -step);
            }
            expected.add("losses 2 1.0 -2.0");
            expected.add("losses 4 2.0 -4.0");
            expected.add("losses 5 2.5 -5.0");
            assertEquals(expected, events.lines);
        }
    }
}
