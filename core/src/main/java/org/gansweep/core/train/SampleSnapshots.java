package org.gansweep.core.train;

import org.gansweep.core.config.TrainingConfig;

/**
 * Extra sample snapshots ({@link Evaluation#snapshot}, no metrics) of a run no longer than one evaluation interval,
 * at the steps between its evaluations: a 300-step run of a grid that evaluates every 500 steps would otherwise show
 * only step 0 and its last step. Snapshots generate from the fixed evaluation noise and draw no random numbers:
 * training is unchanged.
 */
final class SampleSnapshots implements StepListener {
    private final EvaluationSchedule evaluations;
    private final int every;

    SampleSnapshots(TrainingConfig training, EvaluationSchedule evaluations) {
        this.evaluations = evaluations;
        this.every = every(training.steps(), training.evalEvery());
    }

    /**
     * Steps between snapshots when a run is no longer than one evaluation interval: a quarter of the run, so the
     * samples show steps 0, 1/4, 1/2, 3/4 and the end; else 0 (none).
     */
    static int every(int steps, int evalEvery) {
        return steps <= evalEvery ? Math.max(1, steps / 4) : 0;
    }

    /** A step that is evaluated gets no snapshot: its evaluation saves the samples. */
    boolean due(int step) {
        return every > 0 && step % every == 0 && !evaluations.due(step);
    }

    @Override
    public void afterStep(TrainingRun run, int step, float dLoss, float gLoss) {
        if (run.setup().evaluate() && due(step)) {
            run.evaluation().snapshot(step, run);
        }
    }
}
