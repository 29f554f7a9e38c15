package org.gansweep.models.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelGradients;
import org.gansweep.core.numerics.KernelInputs;
import org.gansweep.models.TransposedConv2d;

/** G's transposed convolutions (libtorch's conv_transpose2d) at the shipped shapes: output and the gradient to the input. */
public final class TransposedConvolutionCheck implements KernelCheck {
    @Override
    public String family() {
        return "transposed-conv";
    }

    @Override
    public String shapes() {
        return LayerShapes.transposedConvolutions().size() + " transposed convolutions of the shipped generators";
    }

    @Override
    public boolean usesConvolutions() {
        return true;
    }

    @Override
    public String atenConvolutions() {
        return "aten:slow_conv_transpose2d (MKL sgemm, col2im)";
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        int i = 0;
        for (LayerShapes.Transposed t : LayerShapes.transposedConvolutions()) {
            int[] s = t.settings();
            Block block = CheckedBlocks.initialized(m, precision, () -> TransposedConv2d.of(s[0], s[1], s[2], s[3], s[4]), 77 + i, t.input());
            NDArray x = KernelInputs.normal(m, precision, 500L + i, 1.0, t.input().getShape());
            ParameterStore ps = new ParameterStore(m, false);
            String name = "transposed " + i + " " + t.input() + " " + Arrays.toString(s);
            out.keep(name + " output", block.forward(ps, new NDList(x), false).singletonOrThrow());
            NDArray dx = KernelGradients.of(() -> block.forward(ps, new NDList(x), true).singletonOrThrow(), 600L + i, x).head();
            out.keep(name + " input gradient", dx);
            i++;
        }
    }
}
