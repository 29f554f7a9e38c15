package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.config.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop on the tiny pair: the listeners' order, the result, divergence, and resuming from a checkpoint. */
class AdversarialTrainingTest {
    @TempDir
    Path tmp;

    /** A listener that stops the run (as a kill would) when step {@code at} is done. */
    private static final class KilledAt extends TinyGan.Events {
        private final int at;

        KilledAt(int at) {
            this.at = at;
        }

        @Override
        public void onStep(int step) {
            super.onStep(step);
            if (step == at) {
                throw new IllegalStateException("killed");
            }
        }
    }

    /** The events, each "losses STEP D G" cut to "losses STEP". */
    private static List<String> stepsOfLosses(TinyGan.Events events) {
        return events.lines.stream().map(l -> l.startsWith("losses ") ? l.substring(0, l.indexOf(' ', 7)) : l).toList();
    }

    /** The events, each "losses ..." cut to "losses". */
    private static List<String> kinds(TinyGan.Events events) {
        return events.lines.stream().map(l -> l.startsWith("losses ") ? "losses" : l).toList();
    }

    @Test
    void eachStepTellsTheListenersInTheirFixedOrder() throws Exception {
        // 6 steps: log every 2, evaluate every 3, checkpoint every 4 (not at the last step, 6).
        TinyGan.Events events = new TinyGan.Events();
        TrainingResult r = AdversarialTraining.run(TinyGan.setup(TinyGan.training(6, 3, 2, 4), 1), events,
                new Checkpoints(tmp.resolve("checkpoint")));
        assertEquals(List.of(
                "evaluation 0", "field 0",
                "step 1",
                "losses 2", "step 2",
                "evaluation 3", "field 3", "step 3",
                "losses 4", "checkpoint 4", "step 4",
                "step 5",
                "losses 6", "evaluation 6", "field 6", "step 6"), stepsOfLosses(events));
        assertEquals(TrialStatus.completed, r.status());
        assertEquals(6, r.steps());
        assertNull(r.divergedAtStep());
    }

    @Test
    void aShortRunIsSnapshottedBetweenItsEvaluations() throws Exception {
        // 4 steps, evaluated every 8: a snapshot every step but the last, which is evaluated.
        TinyGan.Events events = new TinyGan.Events();
        AdversarialTraining.run(TinyGan.setup(TinyGan.training(4, 8, 4, 0), 1), events);
        assertEquals(List.of("evaluation 0", "field 0", "samples 1", "step 1", "samples 2", "step 2", "samples 3", "step 3",
                "losses", "evaluation 4", "field 4", "step 4"), kinds(events));
    }

    @Test
    void theResultIsTheMeanOfTheLossWindowsThenTheLastMetrics() throws Exception {
        TinyGan.Events events = new TinyGan.Events();
        TrainingResult r = AdversarialTraining.run(TinyGan.setup(TinyGan.training(3, 3, 1, 0), 1), events);
        double d = 0;
        double g = 0;
        for (String line : events.of("losses")) {
            String[] f = line.split(" ");
            d += Float.parseFloat(f[2]);
            g += Float.parseFloat(f[3]);
        }
        assertEquals(List.of("d_loss", "g_loss", "sample_mean"), List.copyOf(r.metrics().keySet()));
        assertEquals(d / 3, r.metrics().get("d_loss"), 1e-12);
        assertEquals(g / 3, r.metrics().get("g_loss"), 1e-12);
        assertEquals(events.metrics.get(events.metrics.size() - 1).get("sample_mean"), r.metrics().get("sample_mean"));
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndEveryStreamIsClosed() throws Exception {
        TinyGan.Points points = new TinyGan.Points(false);
        TrainingConfig t = TinyGan.training(5, 2, 1, 2);
        TinyGan.Events a = new TinyGan.Events();
        TinyGan.Events b = new TinyGan.Events();
        TinyGan.Events c = new TinyGan.Events();
        AdversarialTraining.run(TinyGan.setup(t, 1, points, new TinyGan.MeanGap(false)), a);
        AdversarialTraining.run(TinyGan.setup(t, 1, points, new TinyGan.MeanGap(false)), b);
        AdversarialTraining.run(TinyGan.setup(t, 2, points, new TinyGan.MeanGap(false)), c);
        assertEquals(a.lines, b.lines);
        assertEquals(a.metrics, b.metrics);
        assertNotEquals(a.of("losses"), c.of("losses"));
        // Reseeded after the checkpoints of steps 2 and 4 even without a folder to keep them.
        assertEquals(List.of(1L, CheckpointSchedule.derive(1, 2), CheckpointSchedule.derive(1, 4)), points.opened.subList(0, 3));
        assertEquals(points.opened.size(), points.closed);
    }

    @Test
    void aNanLossEndsTheRunDivergedAtThatStep() throws Exception {
        TinyGan.Points points = new TinyGan.Points(false);
        TinyGan.Events events = new TinyGan.Events();
        TrainingResult r = AdversarialTraining.run(TinyGan.setup(TinyGan.training(5, 5, 5, 0), 1, points, new TinyGan.MeanGap(true)), events);
        assertEquals(TrialStatus.diverged, r.status());
        assertEquals(1, r.steps());
        assertEquals(1, r.divergedAtStep());
        assertEquals(List.of("sample_mean", "d_loss", "g_loss"), List.copyOf(r.metrics().keySet()));
        // Reported at once, and no listener after the check hears of step 1.
        assertEquals(List.of("evaluation", "losses"), events.lines.stream().map(l -> l.split(" ")[0]).toList());
        assertEquals(1, points.closed);
    }

    @Test
    void aRunKilledAfterACheckpointResumesWithTheNumbersOfTheUninterruptedRun() throws Exception {
        TrainingConfig t = TinyGan.training(8, 4, 1, 3);
        TinyGan.Events whole = new TinyGan.Events();
        TrainingResult expected = AdversarialTraining.run(TinyGan.setup(t, 5), whole, new Checkpoints(tmp.resolve("a")));

        Checkpoints checkpoints = new Checkpoints(tmp.resolve("b"));
        TinyGan.Points points = new TinyGan.Points(true);
        assertThrows(IllegalStateException.class,
                () -> AdversarialTraining.run(TinyGan.setup(t, 5, points, new TinyGan.MeanGap(false)), new KilledAt(5), checkpoints));
        assertEquals(points.opened.size(), points.closed, "a killed run closes its stream too");
        TinyGan.Events resumed = new TinyGan.Events();
        List<Long> before = new ArrayList<>(points.opened);
        TrainingResult again = AdversarialTraining.run(TinyGan.setup(t, 5, points, new TinyGan.MeanGap(false)), resumed, checkpoints);

        assertEquals(expected, again);
        // From the checkpoint of step 3: no evaluation at step 0, the streams of derive(5, 3) then derive(5, 6).
        assertEquals(whole.lines.subList(whole.lines.indexOf("step 3") + 1, whole.lines.size()), resumed.lines);
        assertEquals(List.of(CheckpointSchedule.derive(5, 3), CheckpointSchedule.derive(5, 6)),
                points.opened.subList(before.size(), points.opened.size()));
    }
}
