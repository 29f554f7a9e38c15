package org.gansweep.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.TrainingConfig;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.RealSampler;

/**
 * The adversarial training loop. One step is {@code dSteps} discriminator updates followed by one
 * generator update, each on fresh noise (and, for D, a fresh real batch), as in the paper.
 *
 * <p>Three DJL facts shape it:
 * <ul>
 *   <li>Only one GradientCollector may be open per JVM, so the D and G updates run one after the other.
 *   <li>Gradients are cleared only by a parameter's own optimiser update. The D update scores fakes that
 *       are {@code stopGradient}ed, so no gradient reaches G; the G update runs with D's parameters
 *       frozen, so no stale gradient is left on D for its next update (and D's weight gradients are not
 *       even computed).
 *   <li>Every array of a step lives in a sub-manager closed at the end of the step, so memory stays flat.
 * </ul>
 */
public final class AdversarialTraining {
    private static final int LOSS_WINDOW = 100;

    /** The parts of one trial, built from its config. */
    public record Setup(
            DatasetAdapter dataset,
            Architecture architecture,
            AdversarialLoss loss,
            OptimizerSpec optimizer,
            TrainingConfig training,
            List<Metric> metrics,
            long seed,
            boolean evaluate) {}

    private AdversarialTraining() {}

    public static TrainingResult run(Setup s, TrainingListener listener) {
        Engine engine = Engine.getInstance();
        // Seeds PyTorch's generator (noise, initial weights) and DJL's Java Random.
        engine.setRandomSeed((int) (s.seed() ^ (s.seed() >>> 32)));
        TrainingConfig t = s.training();
        int batch = t.batchSize();
        Shape sampleShape = s.dataset().sampleShape();
        Shape noiseShape = new Shape(batch, s.architecture().noiseDim());
        Block g = s.architecture().generator(sampleShape);
        Block d = s.architecture().discriminator(sampleShape);
        boolean jointD = !s.architecture().discriminatorUsesBatchStatistics();

        try (NDManager root = NDManager.newBaseManager();
                RealSampler real = s.dataset().open(s.seed())) {
            g.initialize(root, DataType.FLOAT32, noiseShape);
            d.initialize(root, DataType.FLOAT32, new Shape(batch).addAll(sampleShape));
            GanStep gan = new GanStep(g, d, new ParameterStore(root, false), s.loss(), s.optimizer(), jointD);
            // Fixed evaluation noise: snapshots at different steps show the same latent points.
            NDArray evalNoise = root.randomNormal(new Shape(t.evalSamples(), s.architecture().noiseDim()));

            Map<String, Double> lastMetrics = new LinkedHashMap<>();
            if (s.evaluate()) {
                lastMetrics = evaluate(0, gan, root, evalNoise, s, listener);
            }
            double[] dWindow = new double[Math.min(LOSS_WINDOW, t.steps())];
            double[] gWindow = new double[dWindow.length];
            for (int step = 1; step <= t.steps(); step++) {
                float dLoss = 0;
                float gLoss;
                try (NDManager m = root.newSubManager()) {
                    for (int k = 0; k < t.dSteps(); k++) {
                        dLoss = gan.discriminatorUpdate(real.next(m, batch), m.randomNormal(noiseShape));
                    }
                    gLoss = gan.generatorUpdate(m.randomNormal(noiseShape));
                }
                dWindow[step % dWindow.length] = dLoss;
                gWindow[step % gWindow.length] = gLoss;
                if (!Float.isFinite(dLoss) || !Float.isFinite(gLoss)) {
                    listener.onLosses(step, dLoss, gLoss);
                    Map<String, Double> m = new LinkedHashMap<>(lastMetrics);
                    m.put("d_loss", (double) dLoss);
                    m.put("g_loss", (double) gLoss);
                    return new TrainingResult(TrainingResult.Status.diverged, step, step, m);
                }
                if (step % t.logEvery() == 0 || step == t.steps()) {
                    listener.onLosses(step, dLoss, gLoss);
                }
                if (s.evaluate() && (step % t.evalEvery() == 0 || step == t.steps())) {
                    lastMetrics = evaluate(step, gan, root, evalNoise, s, listener);
                }
                listener.onStep(step);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("d_loss", mean(dWindow));
            metrics.put("g_loss", mean(gWindow));
            metrics.putAll(lastMetrics);
            return new TrainingResult(TrainingResult.Status.completed, t.steps(), null, metrics);
        }
    }

    private static Map<String, Double> evaluate(int step, GanStep gan, NDManager root, NDArray noise,
            Setup s, TrainingListener listener) {
        try (NDManager m = root.newSubManager()) {
            NDArray samples = gan.generate(m, noise);
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (var metric : s.metrics()) {
                metrics.putAll(metric.evaluate(samples, s.dataset()));
            }
            listener.onEvaluation(step, metrics, samples);
            return metrics;
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
