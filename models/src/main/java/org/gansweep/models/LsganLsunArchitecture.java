package org.gansweep.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Plugin;

/**
 * The LSGAN paper's LSUN networks for 112x112 images (its Figure 3). G: noise -> linear 7x7x256, then 3x3
 * transposed convolutions 256 s2, 256 s1, 256 s2, 256 s1, 128 s2, 64 s2, C s1 (batch norm and ReLU between,
 * tanh out): 7 -> 14 -> 28 -> 56 -> 112. D: 5x5 stride-2 convolutions 64, 128, 256, 512 (LeakyReLU 0.2,
 * batch norm after the first), then linear to one decision value. {@code filters} scales every width (256 is
 * the paper's; G's layers are filters, filters/2 and filters/4 wide, D's filters/4 to 2 filters), so the same
 * layout can be run narrow on a CPU.
 */
public final class LsganLsunArchitecture implements Architecture {

    public record Params(Integer noiseDim, Integer filters, DcganArchitecture.Net generator, DcganArchitecture.Net discriminator) {
        public Params {
            noiseDim = noiseDim == null ? 1024 : noiseDim;
            filters = filters == null ? 256 : filters;
            generator = generator == null ? new DcganArchitecture.Net(null) : generator;
            discriminator = discriminator == null ? new DcganArchitecture.Net(null) : discriminator;
        }
    }

    private final Params p;

    public LsganLsunArchitecture(Params p) {
        this.p = p;
    }

    @Override
    public int noiseDim() {
        return p.noiseDim();
    }

    @Override
    public Block generator(Shape sample) {
        if (sample.get(1) != 112 || sample.get(2) != 112) {
            throw new IllegalArgumentException("lsgan-112 generates 112x112 images; set the dataset's size to 112");
        }
        boolean bn = p.generator().batchNorm();
        SequentialBlock g = ConvNets.seq();
        int f = p.filters();
        g.add(ConvNets.linear(7 * 7 * f));
        add(g, bn);
        g.add(ConvNets.reshape(-1, f, 7, 7));
        int[][] layers = {{f, 2}, {f, 1}, {f, 2}, {f, 1}, {f / 2, 2}, {f / 4, 2}};
        for (int[] l : layers) {
            g.add(ConvNets.deconv(l[0], 3, l[1], 1, l[1] - 1));
            add(g, bn);
        }
        g.add(ConvNets.deconv((int) sample.get(0), 3, 1, 1, 0));
        g.add(Activation.tanhBlock());
        return g;
    }

    private void add(SequentialBlock g, boolean bn) {
        if (bn) {
            g.add(ConvNets.batchNorm());
        }
        g.add(ConvNets.relu());
    }

    @Override
    public Block discriminator(Shape sample) {
        return ConvNets.discriminator(new int[] {p.filters() / 4, p.filters() / 2, p.filters(), 2 * p.filters()}, 5, p.discriminator().batchNorm());
    }

    @Override
    public boolean discriminatorUsesBatchStatistics() {
        return p.discriminator().batchNorm();
    }

    /** Registered as {@code lsgan-112}. */
    public static final class Factory extends Plugin<Params, Architecture> {
        public Factory() {
            super(Params.class, "the paper's 112x112 LSUN G and D (noiseDim, filters: 256 as in the paper, generator/discriminator: batchNorm)");
        }

        @Override
        public void check(Params p) {
            FieldError.positive("noiseDim", p.noiseDim());
            FieldError.require(p.filters() >= 4 && p.filters() <= 1024 && p.filters() % 4 == 0, "filters",
                    "must be a multiple of 4 between 4 and 1024 (256 is the paper's), got " + p.filters());
        }

        @Override
        protected Architecture build(Params p) {
            return new LsganLsunArchitecture(p);
        }
    }
}
