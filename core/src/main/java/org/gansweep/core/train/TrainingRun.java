package org.gansweep.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gansweep.core.plugin.RealSampler;

/**
 * One trial's training in progress, as the {@link StepListener}s see it (DJL's listeners see its {@code Trainer}):
 * the networks, the fixed evaluation inputs, the real-data stream, and what the loop carries from step to step (the
 * loss windows and the last evaluation's metrics). A listener may change what is carried, reseed the streams, or
 * end the run with a result.
 */
final class TrainingRun {
    private final AdversarialTraining.Setup setup;
    private final GanStep gan;
    private final NDManager root;
    private final Evaluation evaluation;
    private final TrainingListener listener;
    private final RealStream data;
    private LossWindows windows;
    private Map<String, Double> lastMetrics = new LinkedHashMap<>();
    private TrainingResult result;

    TrainingRun(AdversarialTraining.Setup setup, GanStep gan, NDManager root, Evaluation evaluation, TrainingListener listener,
            RealStream data) {
        this.setup = setup;
        this.gan = gan;
        this.root = root;
        this.evaluation = evaluation;
        this.listener = listener;
        this.data = data;
        this.windows = LossWindows.forSteps(setup.training().steps());
    }

    AdversarialTraining.Setup setup() {
        return setup;
    }

    GanStep gan() {
        return gan;
    }

    /** The manager that lives as long as the run: networks, optimiser state, evaluation inputs. */
    NDManager root() {
        return root;
    }

    Evaluation evaluation() {
        return evaluation;
    }

    /** Where the run reports (the trial's recorder, a progress display). */
    TrainingListener listener() {
        return listener;
    }

    /** The real-data stream open now. */
    RealSampler real() {
        return data.sampler();
    }

    /** Opens the real-data stream for {@code seed}, leaving PyTorch's generator as it is. */
    void openData(long seed) {
        data.open(seed);
    }

    /** Seeds PyTorch's generator and DJL's Java Random from {@code seed}, and opens the real-data stream for it. */
    void reseed(long seed) {
        Engine.getInstance().setRandomSeed(AdversarialTraining.seed32(seed));
        data.open(seed);
    }

    LossWindows windows() {
        return windows;
    }

    void setWindows(LossWindows windows) {
        this.windows = windows;
    }

    /** The latest evaluation's metrics (empty before the first). */
    Map<String, Double> lastMetrics() {
        return lastMetrics;
    }

    void setLastMetrics(Map<String, Double> metrics) {
        this.lastMetrics = metrics;
    }

    /** Ends the run with {@code result}: the loop takes no further step. */
    void end(TrainingResult result) {
        this.result = result;
    }

    /** The result a listener ended the run with, or null while it goes on. */
    TrainingResult result() {
        return result;
    }

    /** The result of a run that took all its steps: the loss windows' means, then the last evaluation's metrics. */
    TrainingResult completed() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(LossNames.D_LOSS, windows.dMean());
        metrics.put(LossNames.G_LOSS, windows.gMean());
        metrics.putAll(lastMetrics);
        return new TrainingResult(TrialStatus.completed, setup.training().steps(), null, metrics);
    }
}
