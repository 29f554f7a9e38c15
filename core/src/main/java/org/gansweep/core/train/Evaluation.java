package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.metrics.GaussianMixture;

/**
 * What every evaluation feeds G, fixed for the run: noise drawn once and, for a conditional G, the classes of
 * {@link SampleGrid#evaluationLabels} (ids and one-hot); and what an evaluation or a snapshot does with G's samples.
 * Each works in a sub-manager of the run's root, closed before it returns.
 */
final class Evaluation {
    private final NDArray noise;
    private final int[] labels;
    private final NDArray oneHot;

    private Evaluation(NDArray noise, int[] labels, NDArray oneHot) {
        this.noise = noise;
        this.labels = labels;
        this.oneHot = oneHot;
    }

    /** Draws the evaluation noise in {@code root} (PyTorch's generator, once, right after the networks are initialised). */
    static Evaluation draw(AdversarialTraining.Setup s, Batches b, NDManager root) {
        int n = s.training().evalSamples();
        // Fixed evaluation noise: snapshots at different steps show the same latent points.
        NDArray noise = AdversarialTraining.noise(root, b.noiseKind(), new Shape(n, b.noiseDim()));
        if (!b.conditional()) {
            return new Evaluation(noise, null, null);
        }
        int[] labels = SampleGrid.evaluationLabels(n, b.classes());
        return new Evaluation(noise, labels, root.create(labels).oneHot(b.classes()));
    }

    /**
     * G's samples of the evaluation noise, scored by every metric and reported with the metrics, then D's decision
     * field of a 2-D mixture experiment; returns the metrics.
     */
    Map<String, Double> evaluate(int step, TrainingRun run) {
        AdversarialTraining.Setup s = run.setup();
        try (NDManager m = run.root().newSubManager()) {
            NDArray samples = run.gan().generate(m, noise, oneHot);
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (var metric : s.metrics()) {
                metrics.putAll(metric.evaluate(samples, labels, s.dataset()));
            }
            run.listener().onEvaluation(step, metrics, samples, labels);
            reportDecisionField(step, run, m, samples);
            return metrics;
        }
    }

    /** G's samples of the evaluation noise, reported without metrics. */
    void snapshot(int step, TrainingRun run) {
        try (NDManager m = run.root().newSubManager()) {
            run.listener().onSamples(step, run.gan().generate(m, noise, oneHot), labels);
        }
    }

    /** Only an unconditional G of 2-D samples on a Gaussian mixture has a plane to draw D's decision field on. */
    private void reportDecisionField(int step, TrainingRun run, NDManager m, NDArray samples) {
        AdversarialTraining.Setup s = run.setup();
        Optional<GaussianMixture> plane = s.dataset().capability(GaussianMixture.class);
        if (plane.isPresent() && labels == null && samples.getShape().equals(new Shape(samples.getShape().get(0), 2))) {
            run.listener().onDecisionField(step,
                    DecisionField.of(run.gan()::discriminate, s.loss(), m, samples, DecisionField.extent(plane.get())));
        }
    }
}
