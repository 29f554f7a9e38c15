package org.gansweep.core.train;

import java.io.IOException;
import java.util.LinkedHashMap;
import org.gansweep.core.config.TrainingConfig;

/**
 * Checkpoint-and-reseed: every {@code training.checkpointEvery} steps (0: never), except at the last step, writes a
 * checkpoint ({@link Checkpoints}) and then re-derives the random streams (PyTorch's and the data's) from the seed
 * and the step, so a run resumed from that checkpoint ({@link #resume}) draws exactly the numbers the
 * uninterrupted one draws.
 */
final class CheckpointSchedule implements StepListener {
    private final TrainingConfig training;
    private final Checkpoints checkpoints;

    CheckpointSchedule(TrainingConfig training, Checkpoints checkpoints) {
        this.training = training;
        this.checkpoints = checkpoints;
    }

    boolean due(int step) {
        int every = training.checkpointEvery();
        return every > 0 && step % every == 0 && step < training.steps();
    }

    /** Checkpoints are on and one was written by an earlier attempt. */
    boolean canResume() {
        return training.checkpointEvery() > 0 && checkpoints.exists();
    }

    /**
     * Loads networks, optimisers, loss windows and last metrics from the latest checkpoint into {@code run} and
     * re-derives its streams as the checkpoint's step did; returns that step.
     */
    int resume(TrainingRun run) {
        Checkpoints.LoopState state = checkpoints.restore(run.gan(), run.root());
        run.setWindows(new LossWindows(state.dWindow(), state.gWindow()));
        run.setLastMetrics(new LinkedHashMap<>(state.lastMetrics()));
        run.reseed(derive(run.setup().seed(), state.step()));
        return state.step();
    }

    @Override
    public void afterStep(TrainingRun run, int step, float dLoss, float gLoss) throws IOException {
        if (!due(step)) {
            return;
        }
        // The streams are re-derived whether or not a store keeps the checkpoint: the numbers
        // depend on the config alone.
        run.listener().onCheckpoint(step);
        LossWindows w = run.windows();
        checkpoints.save(new Checkpoints.LoopState(step, w.d(), w.g(), run.lastMetrics()), run.gan(), run.root());
        run.reseed(derive(run.setup().seed(), step));
    }

    /** The seed of the random streams after a checkpoint at {@code step} (SplitMix64 of seed and step). */
    static long derive(long seed, int step) {
        long z = seed * 0x9E3779B97F4A7C15L + step + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
