package org.gansweep.core.config;

import static org.gansweep.core.plugin.FieldError.positive;
import static org.gansweep.core.plugin.FieldError.require;

/**
 * How long and how a trial trains. Omitted fields take the defaults below.
 *
 * @param steps generator updates (one step = {@code dSteps} D updates then one G update)
 * @param batchSize real and fake samples per update
 * @param dSteps discriminator updates per generator update
 * @param evalEvery evaluate metrics and save samples every this many steps (and at the last step)
 * @param evalSamples generated samples per evaluation
 * @param logEvery write d_loss and g_loss to metrics.csv every this many steps
 * @param checkpointEvery save G, D and optimiser state every this many steps (0: never); an interrupted
 *     trial resumes from its last checkpoint with the same numbers an uninterrupted run gives
 * @param updates {@code alternating} (D's update, then G's against the updated D, each on fresh noise) or
 *     {@code simultaneous} (both gradients from the same batch at the same weights, then both updates, as the
 *     LSGAN authors' TensorFlow code does in one session run)
 */
public record TrainingConfig(
        Integer steps, Integer batchSize, Integer dSteps, Integer evalEvery, Integer evalSamples, Integer logEvery,
        Integer checkpointEvery, Updates updates) {

    public enum Updates {
        alternating,
        simultaneous
    }

    public TrainingConfig {
        steps = steps == null ? 2000 : steps;
        batchSize = batchSize == null ? 64 : batchSize;
        dSteps = dSteps == null ? 1 : dSteps;
        evalEvery = evalEvery == null ? Math.max(1, steps / 4) : evalEvery;
        evalSamples = evalSamples == null ? 2500 : evalSamples;
        logEvery = logEvery == null ? 10 : logEvery;
        checkpointEvery = checkpointEvery == null ? 0 : checkpointEvery;
        updates = updates == null ? Updates.alternating : updates;
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, null, null, null, null, null);
    }

    /** Throws {@link org.gansweep.core.plugin.FieldError} for values that are well-typed but unusable. */
    public void check() {
        positive("steps", steps);
        positive("batchSize", batchSize);
        positive("dSteps", dSteps);
        positive("evalEvery", evalEvery);
        positive("evalSamples", evalSamples);
        positive("logEvery", logEvery);
        require(checkpointEvery >= 0, "checkpointEvery", "must be 0 (no checkpoints) or a positive number of steps, got " + checkpointEvery);
        require(batchSize <= 1 << 16, "batchSize", "must be at most 65536, got " + batchSize);
        require(updates == Updates.alternating || dSteps == 1, "dSteps", "must be 1 with `updates: simultaneous` (one D and one G update from each batch), got " + dSteps);
    }
}
