package org.gansweep.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * Fully connected G and D for any sample shape (2-D points in the Gaussian-mixture experiments).
 * Defaults are the mixture nets of the LSGAN experiments: G noise 256 -> 4 x 128 ReLU -> 2 (linear),
 * D 3 x 128 ReLU -> 1.
 */
public class MlpArchitecture implements Architecture {

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
        static final Mlp.Net G = new Mlp.Net(List.of(128, 128, 128, 128), Mlp.ActivationKind.RELU, 0.2, false);
        static final Mlp.Net D = new Mlp.Net(List.of(128, 128, 128), Mlp.ActivationKind.RELU, 0.2, false);

        public Params {
            noiseDim = noiseDim == null ? 256 : noiseDim;
            generator = generator == null ? G : generator.orDefaults(G);
            discriminator = discriminator == null ? D : discriminator.orDefaults(D);
            output = output == null ? Output.LINEAR : output;
        }
    }

    private final int noiseDim;
    private final Mlp.Net generatorNet;
    private final Mlp.Net discriminatorNet;
    private final Output output;

    public MlpArchitecture(Params p) {
        this(p.noiseDim(), p.generator(), p.discriminator(), p.output());
    }

    /** For {@link MlpImageArchitecture}, the same nets with image defaults. */
    MlpArchitecture(int noiseDim, Mlp.Net generatorNet, Mlp.Net discriminatorNet, Output output) {
        this.noiseDim = noiseDim;
        this.generatorNet = generatorNet;
        this.discriminatorNet = discriminatorNet;
        this.output = output;
    }

    /** The checks every fully connected architecture shares. */
    static void check(int noiseDim, Mlp.Net generator, Mlp.Net discriminator) {
        FieldError.positive("noiseDim", noiseDim);
        generator.check("generator");
        discriminator.check("discriminator");
    }

    @Override
    public int noiseDim() {
        return noiseDim;
    }

    @Override
    public Block generator(Shape sampleShape) {
        SequentialBlock g = Mlp.stack(generatorNet, noiseDim, sampleShape.size());
        if (output == Output.TANH) {
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
        d.addAll(Mlp.stack(discriminatorNet, sampleShape.size(), 1).getChildren().values());
        return d;
    }

    @Override
    public boolean discriminatorUsesBatchStatistics() {
        return discriminatorNet.batchNorm();
    }

    /** Registered as {@code mlp}. */
    public static final class Factory extends Plugin<Params, Architecture> {
        public Factory() {
            super(Params.class, "fully connected G and D (noiseDim, generator/discriminator: hidden, activation, leakySlope, batchNorm; output)");
        }

        @Override
        public void check(Params p) {
            MlpArchitecture.check(p.noiseDim(), p.generator(), p.discriminator());
        }

        @Override
        protected Architecture build(Params p) {
            return new MlpArchitecture(p);
        }
    }
}
