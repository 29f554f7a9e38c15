package org.gansweep.models.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import java.util.function.Supplier;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelGradients;
import org.gansweep.core.numerics.KernelInputs;

/** Batch norm in training mode (batch statistics) at the shipped shapes: output, gradients to input, scale, shift. */
public final class BatchNormCheck implements KernelCheck {
    @Override
    public String family() {
        return "batch-norm";
    }

    @Override
    public String shapes() {
        return LayerShapes.batchNorms().size() + " batch-norm inputs of the shipped nets, training mode";
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        int i = 0;
        for (Shape in : LayerShapes.batchNorms()) {
            long c = in.get(1);
            NDArray x = KernelInputs.normal(m, precision, 900L + i, 2.0, in.getShape());
            NDArray gamma = KernelInputs.normal(m, precision, 901L + i, 0.5, c).add(1);
            NDArray beta = KernelInputs.normal(m, precision, 902L + i, 0.5, c);
            NDArray mean = m.zeros(new Shape(c), precision);
            NDArray var = m.ones(new Shape(c), precision);
            Supplier<NDArray> bn = () -> BatchNorm.batchNorm(x, mean, var, gamma, beta, 1, 0.1f, 1e-5f, true).head();
            String name = "batch norm " + i + " " + in;
            out.keep(name + " output", bn.get());
            NDList g = KernelGradients.of(bn, 903L + i, x, gamma, beta);
            out.keep(name + " input gradient", g.get(0));
            out.keep(name + " scale gradient", g.get(1));
            out.keep(name + " shift gradient", g.get(2));
            i++;
        }
    }
}
