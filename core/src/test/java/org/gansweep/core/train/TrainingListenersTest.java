package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingListenersTest {
    /** Writes "name event step" to a shared list. */
    private record Named(String name, List<String> out) implements TrainingListener {
        @Override
        public void onLosses(int step, float dLoss, float gLoss) {
            out.add(name + " losses " + step + " " + dLoss + " " + gLoss);
        }

        @Override
        public void onEvaluation(int step, Map<String, Double> metrics, NDArray samples, int[] labels) {
            out.add(name + " evaluation " + step + " " + metrics + " " + samples.getShape() + " " + labels.length);
        }

        @Override
        public void onSamples(int step, NDArray samples, int[] labels) {
            out.add(name + " samples " + step + " " + samples.getShape());
        }

        @Override
        public void onDecisionField(int step, DecisionField field) {
            out.add(name + " field " + step + " " + field.cells());
        }

        @Override
        public void onCheckpoint(int step) {
            out.add(name + " checkpoint " + step);
        }

        @Override
        public void onStep(int step) {
            out.add(name + " step " + step);
        }
    }

    @Test
    void everyEventGoesToEachListenerInTheOrderGiven() {
        List<String> out = new ArrayList<>();
        TrainingListener both = TrainingListeners.of(new Named("a", out), new Named("b", out));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray samples = m.zeros(new Shape(2, 2));
            both.onLosses(1, 0.5f, 1.5f);
            both.onEvaluation(2, Map.of("x", 1.0), samples, new int[] {0, 1});
            both.onSamples(3, samples, null);
            both.onDecisionField(4, new DecisionField(1, 2, new float[4], new float[0][]));
            both.onCheckpoint(5);
            both.onStep(6);
        }
        assertEquals(List.of(
                "a losses 1 0.5 1.5", "b losses 1 0.5 1.5",
                "a evaluation 2 {x=1.0} (2, 2) 2", "b evaluation 2 {x=1.0} (2, 2) 2",
                "a samples 3 (2, 2)", "b samples 3 (2, 2)",
                "a field 4 2", "b field 4 2",
                "a checkpoint 5", "b checkpoint 5",
                "a step 6", "b step 6"), out);
    }
}
