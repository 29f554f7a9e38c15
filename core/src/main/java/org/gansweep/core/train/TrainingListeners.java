package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/** Several training listeners as one: every event goes to each of them, in the order given. */
public final class TrainingListeners implements TrainingListener {
    private final List<TrainingListener> listeners;

    private TrainingListeners(List<TrainingListener> listeners) {
        this.listeners = listeners;
    }

    public static TrainingListener of(TrainingListener... listeners) {
        return new TrainingListeners(List.of(listeners));
    }

    @Override
    public void onLosses(int step, float dLoss, float gLoss) {
        listeners.forEach(l -> l.onLosses(step, dLoss, gLoss));
    }

    @Override
    public void onEvaluation(int step, Map<String, Double> metrics, NDArray samples, int[] labels) {
        listeners.forEach(l -> l.onEvaluation(step, metrics, samples, labels));
    }

    @Override
    public void onSamples(int step, NDArray samples, int[] labels) {
        listeners.forEach(l -> l.onSamples(step, samples, labels));
    }

    @Override
    public void onDecisionField(int step, DecisionField field) {
        listeners.forEach(l -> l.onDecisionField(step, field));
    }

    @Override
    public void onCheckpoint(int step) {
        listeners.forEach(l -> l.onCheckpoint(step));
    }

    @Override
    public void onStep(int step) {
        listeners.forEach(l -> l.onStep(step));
    }
}
