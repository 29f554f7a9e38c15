package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** What the training loop reports while it runs. All methods are called on the training thread. */
public interface TrainingListener {
    /**
     * D and G losses of {@code step}: every {@code training.logEvery} steps, at the last step, and at a step whose
     * loss is not finite (the run then ends diverged).
     */
    default void onLosses(int step, float dLoss, float gLoss) {}

    /**
     * An evaluation: at step 0 (before training), every {@code evalEvery} steps and at the last step.
     * {@code samples} lives only for the duration of the call; {@code labels} are the classes a conditional G
     * was asked for (null for an unconditional G).
     */
    default void onEvaluation(int step, Map<String, Double> metrics, NDArray samples, int[] labels) {}

    /**
     * G's samples of the evaluation noise between evaluations, without metrics: a run no longer than one
     * evaluation interval still shows how its samples change ({@link SampleSnapshots#every}).
     */
    default void onSamples(int step, NDArray samples, int[] labels) {}

    /**
     * D's decision values over the plane and G's loss gradient at its samples ({@link DecisionField}), beside each
     * evaluation of a 2-D mixture experiment.
     */
    default void onDecisionField(int step, DecisionField field) {}

    /** Just before a checkpoint of {@code step} is written: flush what was recorded up to it. */
    default void onCheckpoint(int step) {}

    /** After every step; cheap implementations only. */
    default void onStep(int step) {}
}
