package org.gansweep.core.config;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.ParameterUpdater;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.plugin.RealSampler;
import org.gansweep.core.plugin.Reduction;
import org.gansweep.core.plugin.Registries;

/**
 * Small stand-ins for the shipped plug-ins, so that core's grid loading is tested in core: the real ones live in
 * modules that depend on core. They are registered under the shipped YAML names with the fields the test grids
 * write, so those grids read like real ones; their defaults and checks are their own (the real plug-ins' are
 * tested with the real registry in experiments). Each follows the plug-in convention: a part class with nested
 * {@code Params} and {@code Factory}, bound through {@link Registries}.
 */
public final class FakePlugins extends AbstractModule {
    @Override
    protected void configure() {
        Registries.datasets(binder()).addBinding("gaussian-ring").to(Points.Factory.class);
        Registries.architectures(binder()).addBinding("mlp").to(LinearNets.Factory.class);
        var losses = Registries.losses(binder());
        for (String name : List.of("gan", "lsgan", "lsgan-pearson", "lsgan-binary")) {
            losses.addBinding(name).to(MeanGapLoss.Factory.class);
        }
        var optimizers = Registries.optimizers(binder());
        optimizers.addBinding("adam").to(Sgd.Factory.class);
        optimizers.addBinding("rmsprop").to(Sgd.Factory.class);
        Registries.metrics(binder()).addBinding("mode-coverage").to(NoScores.Factory.class);
    }

    /** A loader that knows only these plug-ins. */
    public static GridLoader loader() {
        return new GridLoader(Guice.createInjector(new FakePlugins()).getInstance(PluginCatalog.class));
    }

    /** 2-D points, all at the origin. */
    static final class Points implements DatasetAdapter {
        public record Params(Integer modes, Double radius, Double std, List<Double> weights) {
            public Params {
                modes = modes == null ? 8 : modes;
                radius = radius == null ? 2.0 : radius;
                std = std == null ? 0.02 : std;
            }
        }

        @Override
        public Shape sampleShape() {
            return new Shape(2);
        }

        @Override
        public RealSampler open(long seed) {
            return (manager, batch) -> manager.zeros(new Shape(batch, 2));
        }

        public static final class Factory extends Plugin<Params, DatasetAdapter> {
            public Factory() {
                super(Params.class, "points at the origin (modes, radius, std, weights: accepted, unused)");
            }

            /** As the shipped gaussian-ring: {@code weights} (default null) came after its first sweeps. */
            @Override
            public Set<String> paramsAddedLater() {
                return Set.of("weights");
            }

            @Override
            protected DatasetAdapter build(Params p) {
                return new Points();
            }
        }
    }

    /** One linear layer each for G and D: small, so that the memory check counts something real (core/train's tests train it). */
    public static final class LinearNets implements Architecture {
        public record Net(List<Integer> hidden, Boolean batchNorm) {}

        public record Params(Integer noiseDim, Net generator, Net discriminator) {
            public Params {
                noiseDim = noiseDim == null ? 4 : noiseDim;
            }
        }

        private final int noiseDim;

        public LinearNets(Params p) {
            noiseDim = p.noiseDim();
        }

        @Override
        public int noiseDim() {
            return noiseDim;
        }

        @Override
        public Block generator(Shape sampleShape) {
            return Linear.builder().setUnits(sampleShape.size()).build();
        }

        @Override
        public Block discriminator(Shape sampleShape) {
            return Linear.builder().setUnits(1).build();
        }

        @Override
        public boolean discriminatorUsesBatchStatistics() {
            return false;
        }

        public static final class Factory extends Plugin<Params, Architecture> {
            public Factory() {
                super(Params.class, "one linear layer for G and one for D (noiseDim; generator, discriminator: accepted, unused)");
            }

            @Override
            public void check(Params p) {
                FieldError.positive("noiseDim", p.noiseDim());
            }

            @Override
            protected Architecture build(Params p) {
                return new LinearNets(p);
            }
        }
    }

    /** D widens the gap between its mean scores on real and fake samples, G narrows it. */
    static final class MeanGapLoss implements AdversarialLoss {
        public record Params(Double a, Double b, Double c, Reduction reduction) {
            public Params {
                a = a == null ? -1.0 : a;
                b = b == null ? 1.0 : b;
                c = c == null ? 0.0 : c;
                reduction = reduction == null ? Reduction.mean : reduction;
            }
        }

        @Override
        public NDArray discriminatorLoss(NDArray realScores, NDArray fakeScores) {
            return fakeScores.mean().sub(realScores.mean());
        }

        @Override
        public NDArray generatorLoss(NDArray fakeScores) {
            return fakeScores.mean().neg();
        }

        /** Not final: TrialResolutionTest makes one that had its reduction from the start. */
        public static class Factory extends Plugin<Params, AdversarialLoss> {
            public Factory() {
                super(Params.class, "the gap of mean scores (a, b, c, reduction: accepted, unused)");
            }

            /** As the real losses: {@code reduction} came after the first sweeps, so at {@code mean} it stays out of ids. */
            @Override
            public Set<String> paramsAddedLater() {
                return Set.of("reduction");
            }

            @Override
            protected AdversarialLoss build(Params p) {
                return new MeanGapLoss();
            }
        }
    }

    /** Plain stochastic gradient descent, whatever name it is registered under. */
    static final class Sgd implements OptimizerSpec {
        public record Params(Double lr, Double beta1, Double beta2) {
            public Params {
                lr = lr == null ? 1e-3 : lr;
                beta1 = beta1 == null ? 0.5 : beta1;
                beta2 = beta2 == null ? 0.999 : beta2;
            }
        }

        private final float lr;

        Sgd(Params p) {
            lr = p.lr().floatValue();
        }

        @Override
        public ParameterUpdater create() {
            return new ParameterUpdater() {
                @Override
                public void update(String parameterId, NDArray weight, NDArray gradient) {
                    weight.subi(gradient.mul(lr));
                    gradient.subi(gradient);
                }

                @Override
                public NDList saveState(List<String> parameterIds, List<NDArray> weights, NDManager manager) {
                    return new NDList();
                }

                @Override
                public void loadState(List<String> parameterIds, List<NDArray> weights, NDList state) {}
            };
        }

        public static final class Factory extends Plugin<Params, OptimizerSpec> {
            public Factory() {
                super(Params.class, "SGD (lr; beta1, beta2: accepted, unused)");
            }

            @Override
            protected OptimizerSpec build(Params p) {
                return new Sgd(p);
            }
        }
    }

    /** A metric that scores nothing, registered as mode-coverage: it describes that metric's columns as the real one does. */
    static final class NoScores implements Metric {
        public record Params(Double threshold) {}

        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public List<org.gansweep.core.metrics.MetricColumn> columns() {
            return List.of(
                    org.gansweep.core.metrics.MetricColumn.score("modes_covered", org.gansweep.core.metrics.MetricColumn.Better.HIGHER, "modes covered", null),
                    org.gansweep.core.metrics.MetricColumn.score("kl_divergence", org.gansweep.core.metrics.MetricColumn.Better.LOWER,
                            "KL divergence of the mode histogram", null));
        }

        @Override
        public Map<String, Double> evaluate(NDArray samples, int[] labels, DatasetAdapter dataset) {
            return Map.of();
        }

        public static final class Factory extends Plugin<Params, Metric> {
            public Factory() {
                super(Params.class, "no scores (threshold: accepted, unused)");
            }

            @Override
            protected Metric build(Params p) {
                return new NoScores();
            }
        }
    }
}
