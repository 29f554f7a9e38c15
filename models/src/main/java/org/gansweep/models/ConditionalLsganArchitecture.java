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
 * The paper's class-conditional nets for handwritten Chinese characters, for square images of side 7 or 8
 * times a power of two (the paper: 28 px). G: the label's code joins the noise, a linear layer to
 * {@code filters} maps of a quarter side (7x7 for 28 px), 5x5 stride-2 transposed convolutions with batch
 * norm and ReLU, tanh out. D: 5x5 stride-2 convolutions with LeakyReLU 0.2 (batch norm after the first), the
 * code tiled onto the first's maps, a {@code hidden}-unit layer, one decision value; the code joins the
 * fully connected features too. The paper's widths: noise 1024, code 256, G 128 maps, D convolutions of
 * {@code channels + 256} and {@code 64 + 256} maps, 1024 hidden units.
 */
public final class ConditionalLsganArchitecture implements Architecture {

    /** @param filters maps of G's hidden layers (the paper: 128) */
    public record GeneratorNet(Integer filters, Boolean batchNorm) {
        public GeneratorNet {
            filters = filters == null ? 128 : filters;
            batchNorm = batchNorm == null ? Boolean.TRUE : batchNorm;
        }
    }

    /**
     * @param filters maps of each stride-2 convolution; default the paper's {@code [channels + labelDim, 64 + labelDim]}
     * @param hidden units of the fully connected layer
     */
    public record DiscriminatorNet(List<Integer> filters, Integer hidden, Boolean batchNorm) {
        public DiscriminatorNet {
            hidden = hidden == null ? 1024 : hidden;
            batchNorm = batchNorm == null ? Boolean.TRUE : batchNorm;
        }
    }

    /**
     * @param noiseDim length of the noise vector (the paper: 1024)
     * @param labelDim length of the label code the linear mapping layer makes (the paper: 256)
     */
    public record Params(Integer noiseDim, Integer labelDim, GeneratorNet generator, DiscriminatorNet discriminator) {
        public Params {
            noiseDim = noiseDim == null ? 1024 : noiseDim;
            labelDim = labelDim == null ? 256 : labelDim;
            generator = generator == null ? new GeneratorNet(null, null) : generator;
            discriminator = discriminator == null ? new DiscriminatorNet(null, null, null) : discriminator;
        }
    }

    /** The side G starts from: 7 or 8, with side = start * 2^n, n >= 1. */
    static int start(long side) {
        for (int start : new int[] {7, 8}) {
            long s = side;
            while (s > start && s % 2 == 0) {
                s /= 2;
            }
            if (s == start && side > start) {
                return start;
            }
        }
        throw new IllegalArgumentException("lsgan-conditional supports square images of side 7 or 8 times a power of two"
                + " (16, 28, 32, 56, 64, 112, 128 ...), not " + side + " px; set the dataset's size");
    }

    private final Params p;

    public ConditionalLsganArchitecture(Params p) {
        this.p = p;
    }

    @Override
    public int noiseDim() {
        return p.noiseDim();
    }

    @Override
    public boolean conditional() {
        return true;
    }

    @Override
    public Block generator(Shape sample) {
        long side = sample.get(1);
        int start = start(side);
        int width = p.generator().filters();
        boolean bn = p.generator().batchNorm();
        SequentialBlock body = ConvNets.seq();
        body.add(ConvNets.linear((long) width * start * start));
        if (bn) {
            body.add(ConvNets.batchNorm());
        }
        body.add(ConvNets.relu());
        body.add(ConvNets.reshape(-1, width, start, start));
        for (long s = start * 2L; s < side; s *= 2) {
            body.add(ConvNets.deconv(width, 5, 2, 2, 1));
            if (bn) {
                body.add(ConvNets.batchNorm());
            }
            body.add(ConvNets.relu());
        }
        body.add(ConvNets.deconv((int) sample.get(0), 5, 2, 2, 1));
        body.add(Activation.tanhBlock());
        return new ConditionalNets.Generator(ConditionalNets.labelMapping(p.labelDim()), body);
    }

    @Override
    public Block discriminator(Shape sample) {
        List<Integer> widths = p.discriminator().filters();
        if (widths == null) {
            widths = List.of((int) sample.get(0) + p.labelDim(), 64 + p.labelDim());
        }
        boolean bn = p.discriminator().batchNorm();
        SequentialBlock first = ConvNets.seq();
        first.add(ConvNets.conv(widths.get(0), 5, 2, 2));
        first.add(ConvNets.leaky());
        SequentialBlock rest = ConvNets.seq();
        for (int i = 1; i < widths.size(); i++) {
            rest.add(ConvNets.conv(widths.get(i), 5, 2, 2));
            if (bn) {
                rest.add(ConvNets.batchNorm());
            }
            rest.add(ConvNets.leaky());
        }
        rest.add(ConvNets.flatten());
        SequentialBlock hidden = ConvNets.seq();
        hidden.add(ConvNets.linear(p.discriminator().hidden()));
        if (bn) {
            hidden.add(ConvNets.batchNorm());
        }
        hidden.add(ConvNets.leaky());
        return new ConditionalNets.Discriminator(ConditionalNets.labelMapping(p.labelDim()), first, rest, hidden, ConvNets.linear(1));
    }

    @Override
    public boolean discriminatorUsesBatchStatistics() {
        return p.discriminator().batchNorm();
    }

    /** Registered as {@code lsgan-conditional}. */
    public static final class Factory extends Plugin<Params, Architecture> {
        public Factory() {
            super(Params.class, "the paper's class-conditional conv G and D, labels through a linear mapping layer (noiseDim, labelDim, generator: filters/batchNorm, discriminator: filters/hidden/batchNorm)");
        }

        @Override
        public void check(Params p) {
            FieldError.positive("noiseDim", p.noiseDim());
            FieldError.require(p.labelDim() >= 1 && p.labelDim() <= 4096, "labelDim", "must be between 1 and 4096, got " + p.labelDim());
            FieldError.require(p.generator().filters() >= 1 && p.generator().filters() <= 2048, "generator.filters",
                    "must be between 1 and 2048, got " + p.generator().filters());
            List<Integer> f = p.discriminator().filters();
            FieldError.require(f == null || !f.isEmpty(), "discriminator.filters", "must list at least one convolution's maps");
            if (f != null) {
                for (int i = 0; i < f.size(); i++) {
                    FieldError.require(f.get(i) != null && f.get(i) >= 1 && f.get(i) <= 4096, "discriminator.filters",
                            "entry " + i + " must be between 1 and 4096, got " + f.get(i));
                }
            }
            FieldError.require(p.discriminator().hidden() >= 1 && p.discriminator().hidden() <= 16384, "discriminator.hidden",
                    "must be between 1 and 16384, got " + p.discriminator().hidden());
        }

        @Override
        protected Architecture build(Params p) {
            return new ConditionalLsganArchitecture(p);
        }
    }
}
