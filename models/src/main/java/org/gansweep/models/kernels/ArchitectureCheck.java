package org.gansweep.models.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.function.Supplier;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelGradients;
import org.gansweep.core.numerics.KernelInputs;

/**
 * Each shipped G and D pair whole, as G's update runs them: D(G(z)) in training mode (batch statistics; a D
 * without batch norm scores the fakes beside a real batch) and its gradient back to the noise through both nets.
 * Catches what the single-op checks cannot: a layout or kernel picked only inside a real chain of layers.
 */
public final class ArchitectureCheck implements KernelCheck {
    @Override
    public String family() {
        return "architectures";
    }

    @Override
    public String shapes() {
        return ShippedNets.all().size() + " shipped G/D pairs, forward and backward";
    }

    @Override
    public boolean usesConvolutions() {
        return true;
    }

    @Override
    public String atenConvolutions() {
        return "aten:slow_conv2d and slow_conv_transpose2d (MKL sgemm)";
    }

    @Override
    public double tolerance() {
        // Whole nets, several layers and batch norms deep: float32 rounding adds up (measured: 1.2e-6 of the largest
        // value on both backends). This family's sharpest test is the NaN-filled run against the zeroed one.
        return 1e-3;
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        int i = 0;
        for (ShippedNets.Net net : ShippedNets.all()) {
            Block g = ShippedNets.generator(m, net, precision);
            Block d = ShippedNets.discriminator(m, net, precision);
            long seed = 2000L + 10L * i;
            NDArray z = KernelInputs.normal(m, precision, seed, 1.0, net.batch(), net.architecture().noiseDim());
            int extra = net.discriminatorBatch() - net.batch();
            NDArray real = extra > 0 ? KernelInputs.normal(m, precision, seed + 1, 0.5, new Shape(extra).addAll(net.sample()).getShape()) : null;
            NDArray labels = net.classes() > 0 ? oneHot(m, net.batch(), net.classes(), precision) : null;
            NDArray dLabels = labels == null || extra == 0 ? labels : labels.concat(labels, 0);
            ParameterStore ps = new ParameterStore(m, false);
            Supplier<NDArray> step = () -> {
                NDArray fake = g.forward(ps, labels == null ? new NDList(z) : new NDList(z, labels), true).singletonOrThrow();
                NDArray in = real == null ? fake : fake.concat(real, 0);
                return d.forward(ps, dLabels == null ? new NDList(in) : new NDList(in, dLabels), true).singletonOrThrow();
            };
            out.keep(net.name() + ": D(G(z))", step.get());
            out.keep(net.name() + ": gradient to the noise", KernelGradients.of(step, seed + 2, z).head());
            i++;
        }
    }

    /** Labels 0, 1, 2, ... cycling through the classes, one-hot. */
    private static NDArray oneHot(NDManager m, int batch, int classes, DataType precision) {
        int[] ids = new int[batch];
        for (int k = 0; k < batch; k++) {
            ids[k] = k % classes;
        }
        return m.create(ids).oneHot(classes).toType(precision, false);
    }
}
