package org.gansweep.models;

import java.util.List;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.Plugin;

/**
 * The fully connected image GAN of the seeds' Keras model: G z 100 -> 256 -> 512 -> 1024 (LeakyReLU 0.2,
 * batch norm) -> pixels, tanh; D pixels -> 512 -> 256 (LeakyReLU 0.2) -> 1. The fields of {@code mlp},
 * with these defaults: the nets are {@link MlpArchitecture}'s.
 */
public final class MlpImageArchitecture extends MlpArchitecture {
    public record Params(Integer noiseDim, Mlp.Net generator, Mlp.Net discriminator, MlpArchitecture.Output output) {
        static final Mlp.Net G = new Mlp.Net(List.of(256, 512, 1024), Mlp.ActivationKind.LEAKY_RELU, 0.2, true);
        static final Mlp.Net D = new Mlp.Net(List.of(512, 256), Mlp.ActivationKind.LEAKY_RELU, 0.2, false);

        public Params {
            noiseDim = noiseDim == null ? 100 : noiseDim;
            generator = generator == null ? G : generator.orDefaults(G);
            discriminator = discriminator == null ? D : discriminator.orDefaults(D);
            output = output == null ? MlpArchitecture.Output.TANH : output;
        }
    }

    public MlpImageArchitecture(Params p) {
        super(p.noiseDim(), p.generator(), p.discriminator(), p.output());
    }

    /** Registered as {@code mlp-image}. */
    public static final class Factory extends Plugin<Params, Architecture> {
        public Factory() {
            super(Params.class, "the Keras MNIST GAN's fully connected nets (the fields of mlp, with image defaults)");
        }

        @Override
        public void check(Params p) {
            MlpArchitecture.check(p.noiseDim(), p.generator(), p.discriminator());
        }

        @Override
        protected Architecture build(Params p) {
            return new MlpImageArchitecture(p);
        }
    }
}
