package org.gansweep.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * Fully connected G and D for any sample shape (2-D points in the Gaussian-mixture experiments).
 * Defaults are the mixture nets of the LSGAN experiments: G noise 256 -> 4 x 128 ReLU -> 2 (linear),
 * D 3 x 128 ReLU -> 1.
 */
public final class MlpArchitecture extends Plugin<MlpArchitecture.Params, Architecture> {

    public enum Output {
        @com.fasterxml.jackson.annotation.JsonProperty("linear")
        LINEAR,
        @com.fasterxml.jackson.annotation.JsonProperty("tanh")
        TANH;

        @Override
        public String toString() {
            return this == LINEAR ? "linear" : "tanh";
        }
    }

    /**
     * @param noiseDim length of G's noise vector
     * @param generator G's hidden layers
     * @param discriminator D's hidden layers
     * @param output G's output: linear (points) or tanh (images in [-1, 1])
     */
    public record Params(Integer noiseDim, Mlp.Net generator, Mlp.Net discriminator, Output output) {
        static final Mlp.Net G = new Mlp.Net(java.util.List.of(128, 128, 128, 128), Mlp.ActivationKind.RELU, 0.2, false);
        static final Mlp.Net D = new Mlp.Net(java.util.List.of(128, 128, 128), Mlp.ActivationKind.RELU, 0.2, false);

        public Params {
            noiseDim = noiseDim == null ? 256 : noiseDim;
            generator = generator == null ? G : generator.orDefaults(G);
            discriminator = discriminator == null ? D : discriminator.orDefaults(D);
            output = output == null ? Output.LINEAR : output;
        }
    }

    public MlpArchitecture() {
        super(Params.class, "fully connected G and D (noiseDim, generator/discriminator: hidden, activation, leakySlope, batchNorm; output)");
    }

    @Override
    public void check(Params p) {
        check(p.noiseDim(), p.generator(), p.discriminator());
    }

    /** The checks every fully connected architecture shares. */
    static void check(int noiseDim, Mlp.Net generator, Mlp.Net discriminator) {
        FieldError.positive("noiseDim", noiseDim);
        generator.check("generator");
        discriminator.check("discriminator");
    }

    @Override
    protected Architecture build(Params p) {
        return architecture(p.noiseDim(), p.generator(), p.discriminator(), p.output());
    }

    static Architecture architecture(int noiseDim, Mlp.Net gNet, Mlp.Net dNet, Output output) {
        record P(Integer noiseDim, Mlp.Net generator, Mlp.Net discriminator, Output output) {}
        P p = new P(noiseDim, gNet, dNet, output);
        return new Architecture() {
            @Override
            public int noiseDim() {
                return p.noiseDim();
            }

            @Override
            public Block generator(Shape sampleShape) {
                SequentialBlock g = Mlp.stack(p.generator(), p.noiseDim(), sampleShape.size());
                if (p.output() == Output.TANH) {
                    g.add(Activation.tanhBlock());
                }
                if (sampleShape.dimension() != 1) {
                    g.add(Mlp.reshapeTo(sampleShape));
                }
                return g;
            }

            @Override
            public Block discriminator(Shape sampleShape) {
                SequentialBlock d = new SequentialBlock();
                if (sampleShape.dimension() != 1) {
                    d.add(Mlp.flatten());
                }
                d.addAll(Mlp.stack(p.discriminator(), sampleShape.size(), 1).getChildren().values());
                return d;
            }

            @Override
            public boolean discriminatorUsesBatchStatistics() {
                return p.discriminator().batchNorm();
            }
        };
    }
}
