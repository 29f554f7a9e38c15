package org.gansweep.models.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import java.util.function.Supplier;
import org.gansweep.core.numerics.CodePath;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelGradients;
import org.gansweep.core.numerics.KernelInputs;

/** Linear layers (MKL's matrix products) at the shipped shapes: output and the gradients to input and weights. */
public final class LinearCheck implements KernelCheck {
    @Override
    public String family() {
        return "linear";
    }

    @Override
    public String shapes() {
        return LayerShapes.linears().size() + " linear layers of the shipped nets";
    }

    @Override
    public String library(CodePath path) {
        return "mkl sgemm (MKL_CBWR=" + path.env().getOrDefault("MKL_CBWR", "unset") + ")";
    }

    @Override
    public void compute(NDManager m, DataType precision, Outputs out) {
        int i = 0;
        for (LayerShapes.Dense d : LayerShapes.linears()) {
            long in = d.input().get(1);
            NDArray x = KernelInputs.normal(m, precision, 1300L + i, 1.0, d.input().getShape());
            NDArray w = KernelInputs.normal(m, precision, 1301L + i, 1.0 / Math.sqrt(in), d.units(), in);
            NDArray b = KernelInputs.normal(m, precision, 1302L + i, 0.1, d.units());
            Supplier<NDArray> lin = () -> Linear.linear(x, w, b).head();
            String name = "linear " + i + " " + d.input() + " -> " + d.units();
            out.keep(name + " output", lin.get());
            NDList g = KernelGradients.of(lin, 1303L + i, x, w);
            out.keep(name + " input gradient", g.get(0));
            out.keep(name + " weight gradient", g.get(1));
            i++;
        }
    }
}
