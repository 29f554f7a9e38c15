package org.gansweep.core.train;

import org.gansweep.core.config.TrainingConfig;

/** Reports D's and G's losses every {@code training.logEvery} steps and at the last step. */
final class LossLog implements StepListener {
    private final TrainingConfig training;

    LossLog(TrainingConfig training) {
        this.training = training;
    }

    boolean due(int step) {
        return step % training.logEvery() == 0 || step == training.steps();
    }

    @Override
    public void afterStep(TrainingRun run, int step, float dLoss, float gLoss) {
        if (due(step)) {
            run.listener().onLosses(step, dLoss, gLoss);
        }
    }
}
