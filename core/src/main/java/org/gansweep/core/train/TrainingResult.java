package org.gansweep.core.train;

import java.util.Map;

/**
 * How a trial's training ended.
 *
 * @param status completed, or diverged (a loss became NaN or infinite)
 * @param steps steps done
 * @param divergedAtStep the step whose loss was not finite, or null
 * @param metrics the last evaluation's metrics plus d_loss and g_loss, the mean over the last 100 steps
 */
public record TrainingResult(TrialStatus status, int steps, Integer divergedAtStep, Map<String, Double> metrics) {}
