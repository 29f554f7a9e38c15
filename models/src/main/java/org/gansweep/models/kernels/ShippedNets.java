package org.gansweep.models.kernels;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.models.ConditionalLsganArchitecture;
import org.gansweep.models.DcganArchitecture;
import org.gansweep.models.LsganLsunArchitecture;
import org.gansweep.models.MlpArchitecture;
import org.gansweep.models.MlpImageArchitecture;
import org.gansweep.models.Mlp;

/**
 * The networks the shipped grids train, at the shapes they train at, for the kernel self-test: its checks find
 * every convolution, batch norm and linear layer in these nets with the input shape it meets, so the kernels are
 * checked at exactly the sizes that select them. Batch 64 as the grids; the GPU-sized grids' nets (cifar10, 64 and
 * 112 px) narrowed and at smaller batches, to keep the self-test to seconds on a CPU; a D without batch norm scores
 * real and fake in one batch of twice the size. A new architecture or shipped grid adds a line here.
 */
public final class ShippedNets {
    private ShippedNets() {}

    /**
     * One network pair at one size.
     *
     * @param name where it comes from (the grid)
     * @param architecture G and D
     * @param sample one sample's shape (C, H, W) or (2)
     * @param batch G's batch; D's is twice that where D has no batch norm
     * @param classes the one-hot label width of a conditional pair, else 0
     */
    public record Net(String name, Architecture architecture, Shape sample, int batch, int classes) {
        public int discriminatorBatch() {
            return architecture.discriminatorUsesBatchStatistics() ? batch : 2 * batch;
        }
    }

    public static List<Net> all() {
        DcganArchitecture.Net bn = new DcganArchitecture.Net(true);
        DcganArchitecture.Net noBn = new DcganArchitecture.Net(false);
        DcganArchitecture.Factory dcgan = new DcganArchitecture.Factory();
        List<Net> nets = new ArrayList<>();
        nets.add(new Net("table1-fashion, bn-ablation: dcgan 28 px, filters 32", dcgan.create(new DcganArchitecture.Params(100, 32, bn, bn)), new Shape(1, 28, 28), 64, 0));
        nets.add(new Net("bn-ablation: dcgan 28 px, filters 32, no batch norm", dcgan.create(new DcganArchitecture.Params(100, 32, noBn, noBn)), new Shape(1, 28, 28), 64, 0));
        nets.add(new Net("determinism, issue 21's tiny grid: dcgan 28 px, filters 4", dcgan.create(new DcganArchitecture.Params(8, 4, bn, bn)), new Shape(1, 28, 28), 16, 0));
        nets.add(new Net("issue 21's tiny grid: dcgan 28 px, filters 4, D without batch norm", dcgan.create(new DcganArchitecture.Params(8, 4, bn, noBn)), new Shape(1, 28, 28), 16, 0));
        // The GPU-sized grids, narrowed (same layers, kernels and strides, fewer maps): on a CPU they are run, if
        // at all, narrowed too, and at full width their float64 references alone would take minutes.
        nets.add(new Net("cifar10-dcgan, narrowed: dcgan 32 px RGB, filters 16", dcgan.create(new DcganArchitecture.Params(100, 16, bn, bn)), new Shape(3, 32, 32), 64, 0));
        nets.add(new Net("bn-ablation-paper, narrowed: dcgan 64 px RGB, filters 8", dcgan.create(new DcganArchitecture.Params(100, 8, bn, bn)), new Shape(3, 64, 64), 16, 0));
        nets.add(new Net("lsun-112, narrowed: lsgan-112, filters 16", new LsganLsunArchitecture.Factory().create(new LsganLsunArchitecture.Params(100, 16, bn, bn)), new Shape(3, 112, 112), 4, 0));
        nets.add(new Net("hanzi: lsgan-conditional 32 px, 100 classes", new ConditionalLsganArchitecture.Factory().create(new ConditionalLsganArchitecture.Params(100, 32,
                new ConditionalLsganArchitecture.GeneratorNet(32, null), new ConditionalLsganArchitecture.DiscriminatorNet(List.of(32, 64), 512, null))), new Shape(1, 32, 32), 64, 100));
        nets.add(new Net("ring: mlp 4x128 / 3x128", new MlpArchitecture.Factory().create(new MlpArchitecture.Params(256,
                new Mlp.Net(List.of(128, 128, 128, 128), Mlp.ActivationKind.RELU, null, false), new Mlp.Net(List.of(128, 128, 128), Mlp.ActivationKind.RELU, null, null), null)), new Shape(2), 512, 0));
        nets.add(new Net("fashion-mlp: mlp-image", new MlpImageArchitecture.Factory().create(new MlpImageArchitecture.Params(null, null, null, null)), new Shape(1, 28, 28), 64, 0));
        return nets;
    }

    /** G for this net's batch, in {@code precision}, with weights from a fixed seed (the same every call). */
    public static Block generator(NDManager m, Net net, DataType precision) {
        Shape noise = new Shape(net.batch(), net.architecture().noiseDim());
        Shape[] in = net.classes() > 0 ? new Shape[] {noise, new Shape(net.batch(), net.classes())} : new Shape[] {noise};
        return CheckedBlocks.initialized(m, precision, () -> net.architecture().generator(net.sample()), 1234, in);
    }

    /** D for this net's D batch, in {@code precision}, with weights from a fixed seed. */
    public static Block discriminator(NDManager m, Net net, DataType precision) {
        Shape x = new Shape(net.discriminatorBatch()).addAll(net.sample());
        Shape[] in = net.classes() > 0 ? new Shape[] {x, new Shape(net.discriminatorBatch(), net.classes())} : new Shape[] {x};
        return CheckedBlocks.initialized(m, precision, () -> net.architecture().discriminator(net.sample()), 4321, in);
    }

    /** Every block inside {@code b} (itself included), depth first. */
    public static void walk(Block b, Consumer<Block> visit) {
        visit.accept(b);
        for (Pair<String, Block> child : b.getChildren()) {
            walk(child.getValue(), visit);
        }
    }

}
