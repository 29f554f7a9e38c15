package org.gansweep.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * DCGAN-style convolutional G and D for square images of 28, 32 or 64 pixels (Radford et al.): G projects
 * the noise to a small feature map and doubles it with 4x4 stride-2 transposed convolutions (batch norm and
 * ReLU between, tanh out); D halves with 4x4 stride-2 convolutions (LeakyReLU 0.2, batch norm after the
 * first), then a linear layer to one decision value. 28 px: 7 -> 14 -> 28; 32 px: 4 -> ... -> 32; 64 px:
 * 4 -> ... -> 64. Batch norm is switchable per network for the paper's stability ablation.
 */
public final class DcganArchitecture implements Architecture {

    public record Net(Boolean batchNorm) {
        public Net {
            batchNorm = batchNorm == null ? Boolean.TRUE : batchNorm;
        }
    }

    /**
     * @param noiseDim length of the noise vector
     * @param filters channels of D's first (and G's last hidden) layer; doubled at each halving
     */
    public record Params(Integer noiseDim, Integer filters, Net generator, Net discriminator) {
        public Params {
            noiseDim = noiseDim == null ? 100 : noiseDim;
            filters = filters == null ? 64 : filters;
            generator = generator == null ? new Net(null) : generator;
            discriminator = discriminator == null ? new Net(null) : discriminator;
        }
    }

    /** How many stride-2 stages take a map of side {@code start} to the image side. */
    static int stages(long side) {
        return switch ((int) side) {
            case 28 -> 2;
            case 32 -> 3;
            case 64 -> 4;
            default -> throw new IllegalArgumentException("dcgan supports square 28, 32 or 64 px images, not " + side
                    + " px; use lsgan-112 for 112 px or resize the dataset");
        };
    }

    private final Params p;

    public DcganArchitecture(Params p) {
        this.p = p;
    }

    @Override
    public int noiseDim() {
        return p.noiseDim();
    }

    @Override
    public Block generator(Shape sample) {
        long channels = sample.get(0);
        int n = stages(sample.get(1));
        long start = sample.get(1) >> n;
        int width = p.filters() << (n - 1);
        boolean bn = p.generator().batchNorm();
        SequentialBlock g = ConvNets.seq();
        g.add(ConvNets.linear(width * start * start));
        if (bn) {
            g.add(ConvNets.batchNorm());
        }
        g.add(ConvNets.relu());
        g.add(ConvNets.reshape(-1, width, start, start));
        for (int i = 0; i < n - 1; i++) {
            width /= 2;
            g.add(ConvNets.deconv(width, 4, 2, 1, 0));
            if (bn) {
                g.add(ConvNets.batchNorm());
            }
            g.add(ConvNets.relu());
        }
        g.add(ConvNets.deconv((int) channels, 4, 2, 1, 0));
        g.add(Activation.tanhBlock());
        return g;
    }

    @Override
    public Block discriminator(Shape sample) {
        int[] widths = new int[stages(sample.get(1))];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = p.filters() << i;
        }
        return ConvNets.discriminator(widths, 4, p.discriminator().batchNorm());
    }

    @Override
    public boolean discriminatorUsesBatchStatistics() {
        return p.discriminator().batchNorm();
    }

    /** Registered as {@code dcgan}. */
    public static final class Factory extends Plugin<Params, Architecture> {
        public Factory() {
            super(Params.class, "DCGAN conv G and D for 28, 32 or 64 px images (noiseDim, filters, generator/discriminator: batchNorm)");
        }

        @Override
        public void check(Params p) {
            FieldError.positive("noiseDim", p.noiseDim());
            FieldError.require(p.filters() >= 1 && p.filters() <= 1024, "filters", "must be between 1 and 1024, got " + p.filters());
        }

        @Override
        protected Architecture build(Params p) {
            return new DcganArchitecture(p);
        }
    }
}
