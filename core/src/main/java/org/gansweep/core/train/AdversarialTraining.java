package org.gansweep.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.gansweep.core.config.ModelOptions;
import org.gansweep.core.config.TrainingConfig;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.OptimizerSpec;

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
 * <p>The loop itself only updates the networks and keeps the loss windows; each other concern is a
 * {@link StepListener} told after every step, in the fixed order of {@link #stepListeners}: the divergence check,
 * the loss log, the evaluation and sample-snapshot schedules, then checkpoint-and-reseed.
 *
 * <p>With a class-conditional architecture, each real batch comes with its labels, the fakes of the step
 * are asked for the same labels, and evaluations ask for {@link SampleGrid#evaluationLabels}.
 */
public final class AdversarialTraining {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains, resuming from the latest checkpoint in {@code checkpoints} when there is one. With
     * checkpoints on, the random streams (PyTorch's and the data's) are re-derived from the seed and the
     * step at every checkpoint, so a resumed run draws exactly the numbers the uninterrupted one draws.
     */
    public static TrainingResult run(Setup s, TrainingListener listener, Checkpoints checkpoints) throws IOException {
        Engine engine = Engine.getInstance();
        if (s.evaluate()) {
            for (Metric metric : s.metrics()) {
                metric.prepare(s.dataset());
            }
        }
        // Seeds PyTorch's generator (noise, initial weights) and DJL's Java Random.
        engine.setRandomSeed(seed32(s.seed()));
        Shape sampleShape = s.dataset().sampleShape();
        Block g = s.architecture().generator(sampleShape);
        Block d = s.architecture().discriminator(sampleShape);
        ModelOptions options = s.modelOptions() == null ? ModelOptions.DEFAULTS : s.modelOptions();
        WeightInitializers.apply(options.init(), g);
        WeightInitializers.apply(options.init(), d);
        Batches batches = Batches.of(s, options.noise());
        // The stream is closed after the root manager, whatever ends the run.
        RealStream data = new RealStream(s.dataset());
        try (data; NDManager root = NDManager.newBaseManager()) {
            GanStep gan = initialize(s, g, d, batches, root);
            TrainingRun run = new TrainingRun(s, gan, root, Evaluation.draw(s, batches, root), listener, data);
            return train(run, batches, checkpoints);
        }
    }

    /** Initialises G and D (PyTorch's generator draws the initial weights) and their updates. */
    private static GanStep initialize(Setup s, Block g, Block d, Batches b, NDManager root) {
        if (b.conditional()) {
            g.initialize(root, DataType.FLOAT32, b.noiseShape(), b.labelShape());
            d.initialize(root, DataType.FLOAT32, b.realShape(), b.labelShape());
        } else {
            g.initialize(root, DataType.FLOAT32, b.noiseShape());
            d.initialize(root, DataType.FLOAT32, b.realShape());
        }
        boolean jointD = !s.architecture().discriminatorUsesBatchStatistics();
        return new GanStep(g, d, new ParameterStore(root, false), s.loss(), s.optimizer(),
                s.discriminatorOptimizer() == null ? s.optimizer() : s.discriminatorOptimizer(), jointD);
    }

    /**
     * The loop: resumes from the latest checkpoint, or evaluates G before the first step and opens the data stream
     * from the trial's seed; then each step's updates, its losses into the windows, and the step listeners.
     */
    private static TrainingResult train(TrainingRun run, Batches batches, Checkpoints checkpoints) throws IOException {
        TrainingConfig t = run.setup().training();
        EvaluationSchedule evaluations = new EvaluationSchedule(t);
        CheckpointSchedule checkpointing = new CheckpointSchedule(t, checkpoints);
        int first = 1;
        if (checkpointing.canResume()) {
            first = checkpointing.resume(run) + 1;
        } else {
            evaluations.beforeFirstStep(run);
            run.openData(run.setup().seed());
        }
        List<StepListener> listeners = stepListeners(t, evaluations, checkpointing);
        for (int step = first; step <= t.steps(); step++) {
            float[] losses = update(run, batches);
            run.windows().record(step, losses[0], losses[1]);
            for (StepListener listener : listeners) {
                listener.afterStep(run, step, losses[0], losses[1]);
                if (run.result() != null) {
                    return run.result();
                }
            }
            run.listener().onStep(step);
        }
        return run.completed();
    }

    /**
     * The step listeners, in the order they are told of each step. A diverged step ends the run before anything
     * else. The losses are reported before the step's evaluation: the recorder writes a step's losses and metrics on
     * one metrics.csv row, flushed by the evaluation. A step is evaluated or snapshotted before it is checkpointed,
     * so the checkpoint keeps that evaluation's metrics and the evaluation sees the random streams before the reseed.
     */
    static List<StepListener> stepListeners(TrainingConfig t, EvaluationSchedule evaluations, CheckpointSchedule checkpointing) {
        return List.of(new DivergenceCheck(), new LossLog(t), evaluations, new SampleSnapshots(t, evaluations), checkpointing);
    }

    /**
     * One step's updates, every array in a sub-manager closed at the end of the step: {@code dSteps} D updates, each
     * on a fresh real batch and fresh noise, then one G update on fresh noise; or, with simultaneous updates, one
     * update of both on the last real batch drawn. Returns {D's loss, G's loss}.
     */
    private static float[] update(TrainingRun run, Batches b) {
        TrainingConfig t = run.setup().training();
        boolean simultaneous = t.updates() == TrainingConfig.Updates.simultaneous;
        GanStep gan = run.gan();
        float dLoss = 0;
        try (NDManager m = run.root().newSubManager()) {
            NDArray labels = null;
            NDArray x = null;
            for (int k = 0; k < t.dSteps(); k++) {
                if (b.conditional()) {
                    NDList labelled = run.real().nextLabeled(m, b.size());
                    x = labelled.get(0);
                    labels = labelled.get(1).oneHot(b.classes());
                } else {
                    x = run.real().next(m, b.size());
                }
                if (!simultaneous) {
                    dLoss = gan.discriminatorUpdate(x, b.noise(m), labels);
                }
            }
            if (simultaneous) {
                return gan.simultaneousUpdate(x, b.noise(m), labels);
            }
            return new float[] {dLoss, gan.generatorUpdate(b.noise(m), labels)};
        }
    }

    /** A noise batch for G: N(0, 1), or U[-1, 1] as the LSGAN authors' image experiments draw it. */
    static NDArray noise(NDManager m, ModelOptions.Noise kind, Shape shape) {
        return kind == ModelOptions.Noise.uniform ? m.randomUniform(-1f, 1f, shape) : m.randomNormal(shape);
    }

    static int seed32(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
