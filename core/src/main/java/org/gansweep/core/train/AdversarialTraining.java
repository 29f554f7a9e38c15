package org.gansweep.core.train;

import org.gansweep.core.metrics.GaussianMixture;
import java.util.Optional;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.ModelOptions;
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
 *
 * <p>With a class-conditional architecture, each real batch comes with its labels, the fakes of the step
 * are asked for the same labels, and evaluations ask for {@link SampleGrid#evaluationLabels}.
 */
public final class AdversarialTraining {
    private static final int LOSS_WINDOW = 100;

    /**
     * The parts of one trial, built from its config. {@code optimizer} is G's, and D's too unless
     * {@code discriminatorOptimizer} is given; {@code modelOptions} null means the defaults.
     */
    public record Setup(
            DatasetAdapter dataset,
            Architecture architecture,
            AdversarialLoss loss,
            OptimizerSpec optimizer,
            OptimizerSpec discriminatorOptimizer,
            ModelOptions modelOptions,
            TrainingConfig training,
            List<Metric> metrics,
            long seed,
            boolean evaluate) {}

    private AdversarialTraining() {}

    public static TrainingResult run(Setup s, TrainingListener listener) {
        try {
            return run(s, listener, Checkpoints.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Trains, resuming from the latest checkpoint in {@code checkpoints} when there is one. With
     * checkpoints on, the random streams (PyTorch's and the data's) are re-derived from the seed and the
     * step at every checkpoint, so a resumed run draws exactly the numbers the uninterrupted one draws.
     */
    public static TrainingResult run(Setup s, TrainingListener listener, Checkpoints checkpoints) throws java.io.IOException {
        Engine engine = Engine.getInstance();
        if (s.evaluate()) {
            for (Metric metric : s.metrics()) {
                metric.prepare(s.dataset());
            }
        }
        // Seeds PyTorch's generator (noise, initial weights) and DJL's Java Random.
        engine.setRandomSeed(seed32(s.seed()));
        TrainingConfig t = s.training();
        int batch = t.batchSize();
        int every = t.checkpointEvery();
        Shape sampleShape = s.dataset().sampleShape();
        Shape noiseShape = new Shape(batch, s.architecture().noiseDim());
        Block g = s.architecture().generator(sampleShape);
        Block d = s.architecture().discriminator(sampleShape);
        ModelOptions options = s.modelOptions() == null ? ModelOptions.DEFAULTS : s.modelOptions();
        WeightInitializers.apply(options.init(), g);
        WeightInitializers.apply(options.init(), d);
        ModelOptions.Noise noiseKind = options.noise();
        boolean jointD = !s.architecture().discriminatorUsesBatchStatistics();
        boolean conditional = s.architecture().conditional();
        int classes = conditional ? s.dataset().classNames().size() : 0;
        if (conditional && classes < 1) {
            throw new IllegalStateException("a conditional model needs a dataset with class labels");
        }
        Shape labelShape = new Shape(batch, classes);

        RealSampler real = null;
        try (NDManager root = NDManager.newBaseManager()) {
            Shape realShape = new Shape(batch).addAll(sampleShape);
            if (conditional) {
                g.initialize(root, DataType.FLOAT32, noiseShape, labelShape);
                d.initialize(root, DataType.FLOAT32, realShape, labelShape);
            } else {
                g.initialize(root, DataType.FLOAT32, noiseShape);
                d.initialize(root, DataType.FLOAT32, realShape);
            }
            GanStep gan = new GanStep(g, d, new ParameterStore(root, false), s.loss(), s.optimizer(),
                    s.discriminatorOptimizer() == null ? s.optimizer() : s.discriminatorOptimizer(), jointD);
            // Fixed evaluation noise: snapshots at different steps show the same latent points.
            NDArray evalNoise = noise(root, noiseKind, new Shape(t.evalSamples(), s.architecture().noiseDim()));
            boolean simultaneous = t.updates() == TrainingConfig.Updates.simultaneous;
            int[] evalLabels = conditional ? SampleGrid.evaluationLabels(t.evalSamples(), classes) : null;
            Evaluation eval = new Evaluation(evalNoise, evalLabels, conditional ? root.create(evalLabels).oneHot(classes) : null);

            Map<String, Double> lastMetrics = new LinkedHashMap<>();
            double[] dWindow = new double[Math.min(LOSS_WINDOW, t.steps())];
            double[] gWindow = new double[dWindow.length];
            int first = 1;
            long streamSeed = s.seed();
            if (every > 0 && checkpoints.exists()) {
                Checkpoints.LoopState state = checkpoints.restore(gan, root);
                first = state.step() + 1;
                dWindow = state.dWindow();
                gWindow = state.gWindow();
                lastMetrics = new LinkedHashMap<>(state.lastMetrics());
                streamSeed = derive(s.seed(), state.step());
                engine.setRandomSeed(seed32(streamSeed));
            } else if (s.evaluate()) {
                lastMetrics = evaluate(0, gan, root, eval, s, listener);
            }
            real = s.dataset().open(streamSeed);
            int snapshots = snapshotEvery(t.steps(), t.evalEvery());
            for (int step = first; step <= t.steps(); step++) {
                float dLoss = 0;
                float gLoss;
                try (NDManager m = root.newSubManager()) {
                    NDArray labels = null;
                    NDArray x = null;
                    for (int k = 0; k < t.dSteps(); k++) {
                        if (conditional) {
                            NDList labelled = real.nextLabeled(m, batch);
                            x = labelled.get(0);
                            labels = labelled.get(1).oneHot(classes);
                        } else {
                            x = real.next(m, batch);
                        }
                        if (!simultaneous) {
                            dLoss = gan.discriminatorUpdate(x, noise(m, noiseKind, noiseShape), labels);
                        }
                    }
                    if (simultaneous) {
                        float[] both = gan.simultaneousUpdate(x, noise(m, noiseKind, noiseShape), labels);
                        dLoss = both[0];
                        gLoss = both[1];
                    } else {
                        gLoss = gan.generatorUpdate(noise(m, noiseKind, noiseShape), labels);
                    }
                }
                dWindow[step % dWindow.length] = dLoss;
                gWindow[step % gWindow.length] = gLoss;
                if (!Float.isFinite(dLoss) || !Float.isFinite(gLoss)) {
                    listener.onLosses(step, dLoss, gLoss);
                    Map<String, Double> m = new LinkedHashMap<>(lastMetrics);
                    m.put(LossNames.D_LOSS, (double) dLoss);
                    m.put(LossNames.G_LOSS, (double) gLoss);
                    return new TrainingResult(TrialStatus.diverged, step, step, m);
                }
                if (step % t.logEvery() == 0 || step == t.steps()) {
                    listener.onLosses(step, dLoss, gLoss);
                }
                if (s.evaluate() && (step % t.evalEvery() == 0 || step == t.steps())) {
                    lastMetrics = evaluate(step, gan, root, eval, s, listener);
                } else if (s.evaluate() && snapshots > 0 && step % snapshots == 0) {
                    snapshot(step, gan, root, eval, listener);
                }
                if (every > 0 && step % every == 0 && step < t.steps()) {
                    // The streams are re-derived whether or not a store keeps the checkpoint: the numbers
                    // depend on the config alone.
                    listener.onCheckpoint(step);
                    checkpoints.save(new Checkpoints.LoopState(step, dWindow, gWindow, lastMetrics), gan, root);
                    streamSeed = derive(s.seed(), step);
                    engine.setRandomSeed(seed32(streamSeed));
                    real.close();
                    real = s.dataset().open(streamSeed);
                }
                listener.onStep(step);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(LossNames.D_LOSS, mean(dWindow));
            metrics.put(LossNames.G_LOSS, mean(gWindow));
            metrics.putAll(lastMetrics);
            return new TrainingResult(TrialStatus.completed, t.steps(), null, metrics);
        } finally {
            if (real != null) {
                real.close();
            }
        }
    }

    /** The seed of the random streams after a checkpoint at {@code step} (SplitMix64 of seed and step). */
    static long derive(long seed, int step) {
        long z = seed * 0x9E3779B97F4A7C15L + step + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A noise batch for G: N(0, 1), or U[-1, 1] as the LSGAN authors' image experiments draw it. */
    static NDArray noise(NDManager m, ModelOptions.Noise kind, Shape shape) {
        return kind == ModelOptions.Noise.uniform ? m.randomUniform(-1f, 1f, shape) : m.randomNormal(shape);
    }

    private static int seed32(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }

    /** What every evaluation feeds G: fixed noise and, for a conditional G, fixed labels (ids and one-hot). */
    private record Evaluation(NDArray noise, int[] labels, NDArray oneHot) {}

    /**
     * Steps between extra sample snapshots when a run is no longer than one evaluation interval (a 300-step run
     * of a grid that evaluates every 500 steps would otherwise show only step 0 and its last step): a quarter of
     * the run, so the samples show steps 0, 1/4, 1/2, 3/4 and the end; else 0.
     * Snapshots generate from the fixed evaluation noise and draw no random numbers: training is unchanged.
     */
    static int snapshotEvery(int steps, int evalEvery) {
        return steps <= evalEvery ? Math.max(1, steps / 4) : 0;
    }

    private static void snapshot(int step, GanStep gan, NDManager root, Evaluation e, TrainingListener listener) {
        try (NDManager m = root.newSubManager()) {
            listener.onSamples(step, gan.generate(m, e.noise(), e.oneHot()), e.labels());
        }
    }

    private static Map<String, Double> evaluate(int step, GanStep gan, NDManager root, Evaluation e,
            Setup s, TrainingListener listener) {
        try (NDManager m = root.newSubManager()) {
            NDArray samples = gan.generate(m, e.noise(), e.oneHot());
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (var metric : s.metrics()) {
                metrics.putAll(metric.evaluate(samples, e.labels(), s.dataset()));
            }
            listener.onEvaluation(step, metrics, samples, e.labels());
            Optional<GaussianMixture> plane = s.dataset().capability(GaussianMixture.class);
            if (plane.isPresent() && e.labels() == null && samples.getShape().equals(new Shape(samples.getShape().get(0), 2))) {
                listener.onDecisionField(step, DecisionField.of(gan::discriminate, s.loss(), m, samples, DecisionField.extent(plane.get())));
            }
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
