package org.gansweep.models.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.function.Supplier;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelGradients;
import org.gansweep.core.numerics.KernelInputs;

/**
 * Convolution at every setting and input shape of the shipped nets (D's stride-2 layers; G's transposed convolutions have their own family):
 * the forward pass, the backward pass to the input (only the input needing a gradient, as in G's update through
 * D) or to the weights (only the weights, as in D's first layer on real images). Bound once per pass.
 */
public final class ConvolutionCheck implements KernelCheck {
    /** Which pass is checked. */
    public enum Pass { FORWARD, BACKWARD_DATA, BACKWARD_WEIGHTS }

    private final Pass pass;

    public ConvolutionCheck(Pass pass) {
        this.pass = pass;
    }

    @Override
    public String family() {
        return switch (pass) {
            case FORWARD -> "conv-forward";
            case BACKWARD_DATA -> "conv-backward-data";
            case BACKWARD_WEIGHTS -> "conv-backward-weights";
        };
    }

    @Override
    public String shapes() {
        return LayerShapes.convolutions().size() + " convolutions of the shipped nets";
    }

    @Override
    public boolean usesConvolutions() {
        return true;
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        int i = 0;
        for (LayerShapes.Conv c : LayerShapes.convolutions()) {
            long seed = 100L * i;
            NDArray x = KernelInputs.normal(m, precision, seed, 1.0, c.input().getShape());
            long[] ws = c.weightShape();
            NDArray w = KernelInputs.normal(m, precision, seed + 1, 1.0 / Math.sqrt(ws[1] * ws[2] * ws[3]), ws);
            NDArray b = c.bias() ? KernelInputs.normal(m, precision, seed + 2, 0.1, c.filters()) : null;
            Supplier<NDArray> conv = () -> Conv2d.conv2d(x, w, b, c.stride(), c.padding(), new Shape(1, 1), 1).singletonOrThrow();
            String name = "conv " + i + " " + c.input() + " k" + c.kernel() + " s" + c.stride();
            switch (pass) {
                case FORWARD -> out.keep(name, conv.get());
                case BACKWARD_DATA -> out.keep(name, KernelGradients.of(conv, seed + 3, x).head());
                case BACKWARD_WEIGHTS -> out.keep(name, KernelGradients.of(conv, seed + 3, w).head());
            }
            i++;
        }
    }
}
