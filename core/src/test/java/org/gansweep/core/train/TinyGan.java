package org.gansweep.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gansweep.core.config.FakePlugins;
import org.gansweep.core.config.ModelOptions;
import org.gansweep.core.config.TrainingConfig;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.ParameterUpdater;
import org.gansweep.core.plugin.RealSampler;

/**
 * A GAN small enough to train in core's tests, from core's own interfaces: 2-D points from a seeded stream, one
 * linear layer each for G and D, the mean-gap loss, plain SGD, and a metric that reports the samples' mean. Core
 * cannot see the shipped plug-ins (they depend on core); what these do is simple enough to compute by hand.
 */
final class TinyGan {
    static final int NOISE_DIM = 3;
    static final int BATCH = 8;
    static final float LR = 0.1f;

    private TinyGan() {}

    /** A config: batch 8, 16 evaluation samples, alternating updates, one D update per step. */
    static TrainingConfig training(int steps, int evalEvery, int logEvery, int checkpointEvery) {
        return new TrainingConfig(steps, BATCH, 1, evalEvery, 16, logEvery, checkpointEvery, null);
    }

    static AdversarialTraining.Setup setup(TrainingConfig t, long seed, Points points, AdversarialLoss loss) {
        return new AdversarialTraining.Setup(points, new FakePlugins.LinearNets(new FakePlugins.LinearNets.Params(NOISE_DIM, null, null)), loss, new Sgd(), null, null, t, List.of(new SampleMean()),
                seed, true);
    }

    static AdversarialTraining.Setup setup(TrainingConfig t, long seed) {
        return setup(t, seed, new Points(true), new MeanGap(false));
    }

    /**
     * A run as AdversarialTraining starts one, nets initialised in {@code root} from {@code seed}, its stream not
     * opened: for listener tests that call one listener by hand.
     */
    static TrainingRun run(AdversarialTraining.Setup s, TrainingListener listener, NDManager root, RealStream data) {
        Engine.getInstance().setRandomSeed(AdversarialTraining.seed32(s.seed()));
        Batches b = Batches.of(s, ModelOptions.Noise.normal);
        Block g = s.architecture().generator(b.sample());
        Block d = s.architecture().discriminator(b.sample());
        g.initialize(root, DataType.FLOAT32, b.noiseShape());
        d.initialize(root, DataType.FLOAT32, b.realShape());
        GanStep gan = new GanStep(g, d, new ParameterStore(root, false), s.loss(), s.optimizer(), false);
        return new TrainingRun(s, gan, root, Evaluation.draw(s, b, root), listener, data);
    }

    /** Every event a listener gets, one line each, e.g. {@code losses 3 0.5 0.25}, {@code evaluation 4}. */
    static class Events implements TrainingListener {
        final List<String> lines = new ArrayList<>();
        final List<Map<String, Double>> metrics = new ArrayList<>();

        @Override
        public void onLosses(int step, float dLoss, float gLoss) {
            lines.add("losses " + step + " " + dLoss + " " + gLoss);
        }

        @Override
        public void onEvaluation(int step, Map<String, Double> m, NDArray samples, int[] labels) {
            lines.add("evaluation " + step);
            metrics.add(m);
        }

        @Override
        public void onSamples(int step, NDArray samples, int[] labels) {
            lines.add("samples " + step);
        }

        @Override
        public void onDecisionField(int step, DecisionField field) {
            lines.add("field " + step);
        }

        @Override
        public void onCheckpoint(int step) {
            lines.add("checkpoint " + step);
        }

        @Override
        public void onStep(int step) {
            lines.add("step " + step);
        }

        /** The lines that start with {@code kind}. */
        List<String> of(String kind) {
            return lines.stream().filter(l -> l.startsWith(kind + " ")).toList();
        }
    }

    /**
     * 2-D points, N(1, 1) per coordinate from a {@link Random} of the stream's seed; remembers the seed of every
     * stream opened and counts those closed. With {@code mixture} it says it is a one-mode Gaussian mixture, so
     * evaluations draw D's decision field.
     */
    static final class Points implements DatasetAdapter {
        final List<Long> opened = new ArrayList<>();
        int closed;
        private final boolean mixture;

        Points(boolean mixture) {
            this.mixture = mixture;
        }

        @Override
        public Shape sampleShape() {
            return new Shape(2);
        }

        @Override
        public RealSampler open(long seed) {
            opened.add(seed);
            Random r = new Random(seed);
            return new RealSampler() {
                @Override
                public NDArray next(NDManager manager, int batchSize) {
                    float[] v = new float[batchSize * 2];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (1 + r.nextGaussian());
                    }
                    return manager.create(v, new Shape(batchSize, 2));
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }

        @Override
        public <T> Optional<T> capability(Class<T> kind) {
            if (mixture && kind == GaussianMixture.class) {
                return Optional.of(kind.cast(new GaussianMixture(new double[][] {{1, 1}}, 0.1)));
            }
            return Optional.empty();
        }
    }

    /**
     * D minimises mean D(fake) - mean D(real), G minimises -mean D(fake). With {@code diverging}, G's loss is 0/0:
     * NaN at the first step.
     */
    static final class MeanGap implements AdversarialLoss {
        private final boolean diverging;

        MeanGap(boolean diverging) {
            this.diverging = diverging;
        }

        @Override
        public NDArray discriminatorLoss(NDArray realScores, NDArray fakeScores) {
            return fakeScores.mean().sub(realScores.mean());
        }

        @Override
        public NDArray generatorLoss(NDArray fakeScores) {
            if (diverging) {
                NDArray zero = fakeScores.sub(fakeScores).mean();
                return zero.div(zero);
            }
            return fakeScores.mean().neg();
        }
    }

    /** w -= LR * gradient, the gradient then zeroed; its state is the number of updates it made, saved as one array. */
    static final class Sgd implements OptimizerSpec {
        @Override
        public ParameterUpdater create() {
            return new Updater();
        }
    }

    static final class Updater implements ParameterUpdater {
        int updates;

        @Override
        public void update(String parameterId, NDArray weight, NDArray gradient) {
            weight.subi(gradient.mul(LR));
            gradient.subi(gradient);
            updates++;
        }

        @Override
        public NDList saveState(List<String> parameterIds, List<NDArray> weights, NDManager manager) {
            return new NDList(manager.create(new int[] {updates}));
        }

        @Override
        public void loadState(List<String> parameterIds, List<NDArray> weights, NDList state) {
            updates = state.get(0).getInt(0);
        }
    }

    /** sample_mean: the mean of every coordinate of every sample. */
    static final class SampleMean implements Metric {
        @Override
        public List<String> names() {
            return List.of("sample_mean");
        }

        @Override
        public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
            return Map.of("sample_mean", (double) samples.mean().getFloat());
        }
    }
}
