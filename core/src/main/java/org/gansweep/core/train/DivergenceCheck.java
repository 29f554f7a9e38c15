package org.gansweep.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends the run as {@code diverged} at the first step whose D or G loss is NaN or infinite. That step's losses are
 * reported (whatever the log schedule) and kept in the result beside the last evaluation's metrics.
 */
final class DivergenceCheck implements StepListener {
    static boolean diverged(float dLoss, float gLoss) {
        return !Float.isFinite(dLoss) || !Float.isFinite(gLoss);
    }

    @Override
    public void afterStep(TrainingRun run, int step, float dLoss, float gLoss) {
        if (!diverged(dLoss, gLoss)) {
            return;
        }
        run.listener().onLosses(step, dLoss, gLoss);
        Map<String, Double> m = new LinkedHashMap<>(run.lastMetrics());
        m.put(LossNames.D_LOSS, (double) dLoss);
        m.put(LossNames.G_LOSS, (double) gLoss);
        run.end(new TrainingResult(TrialStatus.diverged, step, step, m));
    }
}
