package org.gansweep.core.train;

import java.io.IOException;

/**
 * One concern of the training loop, after DJL's {@code TrainingListener} ({@code DivergenceCheckTrainingListener} and
 * its kind): told after every step, in the order {@link AdversarialTraining#stepListeners} lists. Unlike a
 * {@link TrainingListener}, which only reports, a step listener acts on the run: it evaluates, checkpoints, reseeds
 * the streams, or ends the run ({@link TrainingRun#end}); the loop tells no later listener of a step that ended it.
 */
interface StepListener {
    /**
     * Step {@code step} is done; {@code dLoss} and {@code gLoss} are its losses (already in the loss windows).
     * An IOException (a checkpoint that cannot be written) ends the trial as the loop's own would.
     */
    void afterStep(TrainingRun run, int step, float dLoss, float gLoss) throws IOException;
}
