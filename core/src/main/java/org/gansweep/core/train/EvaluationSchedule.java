package org.gansweep.core.train;

import org.gansweep.core.config.TrainingConfig;

/**
 * Evaluates G ({@link Evaluation#evaluate}) every {@code training.evalEvery} steps and at the last step, and once
 * before the first step of a run that does not resume from a checkpoint; the run keeps the metrics of the latest.
 * A run set up without evaluation ({@code Setup.evaluate} false) is never evaluated.
 */
final class EvaluationSchedule implements StepListener {
    private final TrainingConfig training;

    EvaluationSchedule(TrainingConfig training) {
        this.training = training;
    }

    boolean due(int step) {
        return step % training.evalEvery() == 0 || step == training.steps();
    }

    /** The evaluation at step 0, before training. */
    void beforeFirstStep(TrainingRun run) {
        if (run.setup().evaluate()) {
            run.setLastMetrics(run.evaluation().evaluate(0, run));
        }
    }

    @Override
    public void afterStep(TrainingRun run, int step, float dLoss, float gLoss) {
        if (run.setup().evaluate() && due(step)) {
            run.setLastMetrics(run.evaluation().evaluate(step, run));
        }
    }
}
